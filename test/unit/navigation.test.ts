// Following links between reports on an in-memory index of the corpus: definition, document links, hovers,
// references and workspace symbols.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { MAX_WORKSPACE_SYMBOLS } from '../../server/src/features/navigation';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import { CORPUS, REPORTS, WS, nameOf, textOf, uriOf, corpusIndex, documentOf } from '../support/fixtures';


const index = corpusIndex();
const service = createLanguageService({ workspace: index });
const top = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

/** Report 3 with a paragraph of extra links in D0 (line 10, zero-based). */
const LINKS_LINE = 10;
const withLinks = (links: string) => textOf('0003').replace('## D0: Planning\n', `## D0: Planning\n${links}\n`);
const report3 = (links: string) => documentOf(withLinks(links), uriOf('0003'));
const at = (line: number, character: number) => ({ line, character });

describe('go to definition', () => {
  test('a report link leads to the top of the linked report', () => {
    const location = service.getDefinition(documentOf(textOf('0003'), uriOf('0003')), at(7, 20));
    assert.deepEqual(location, { uri: uriOf('0001'), range: top(0) });
  });

  test('a fragment leads to the heading with that GitHub slug', () => {
    const document = report3(`See [root cause](./${nameOf('0001')}#d4-root-cause--escape-points).`);
    assert.deepEqual(service.getDefinition(document, at(LINKS_LINE, 8)), { uri: uriOf('0001'), range: top(46) });
  });

  test('a fragment in the document itself is read from its model', () => {
    const document = report3('See [above](#d2-problem-statement--description).');
    assert.deepEqual(service.getDefinition(document, at(LINKS_LINE, 8)), { uri: uriOf('0003'), range: top(30) });
  });

  test('an unknown fragment leads to the top of the file', () => {
    const document = report3(`See [x](./${nameOf('0002')}#no-such-heading).`);
    assert.deepEqual(service.getDefinition(document, at(LINKS_LINE, 6)), { uri: uriOf('0002'), range: top(0) });
  });

  test('nothing for web links, off links, or in documents that are not reports', () => {
    const document = documentOf(textOf('0003'), uriOf('0003'));
    const footer = textOf('0003').split('\n').findIndex((line) => line.includes('https://github.com/zanozbot/8d-tools'));
    assert.equal(service.getDefinition(document, at(footer, 50)), undefined);
    assert.equal(service.getDefinition(document, at(3, 3)), undefined);
    const readme = documentOf(readFileSync(join(REPORTS, 'README.md'), 'utf8'), `${WS}README.md`);
    assert.equal(service.getDefinition(readme, at(7, 10)), undefined);
  });
});

describe('document links', () => {
  test('every relative link, with a tooltip naming the report; web links are left to the editor', () => {
    const document = report3(`See [root cause](./${nameOf('0001')}#d4-root-cause--escape-points), [readme](./README.md) and [below](#d8-review--closure).`);
    const links = service.getDocumentLinks(document);
    assert.deepEqual(links.map((l) => [l.target, l.tooltip]), [
      [uriOf('0001'), 'Open 0001: OTA update leaves KG-400 gateways in boot loop'],
      [`${uriOf('0001')}#L47`, 'Open 0001: OTA update leaves KG-400 gateways in boot loop, section “D4: Root cause & escape points”'],
      [`${WS}README.md`, undefined],
      [`${uriOf('0003')}#L84`, 'Go to “D8: Review & closure”'],
    ]);
    assert.deepEqual(links[0].range, { start: at(7, 14), end: at(7, 126) });
  });

  test('none in documents that are not reports', () => {
    const readme = documentOf(readFileSync(join(REPORTS, 'README.md'), 'utf8'), `${WS}README.md`);
    assert.deepEqual(service.getDocumentLinks(readme), []);
  });
});

describe('hover on a report link', () => {
  test('the linked report: label, number, status, date and summary', () => {
    const hover = service.getHover(documentOf(textOf('0003'), uriOf('0003')), at(7, 20))!;
    const value = (hover.contents as MarkupContent).value;
    assert.equal(value, [
      '**0001: OTA update leaves KG-400 gateways in boot loop**',
      'Report 1 · Status: Superseded · Date: 2025-07-08',
      index.get(uriOf('0001'))!.summary,
    ].join('\n\n'));
    assert.deepEqual(hover.range, { start: at(7, 14), end: at(7, 126) });
    assert.deepEqual(service.getLinkHover(documentOf(textOf('0003'), uriOf('0003')), at(7, 20)), hover);
  });

  test('a fragment names the section', () => {
    const hover = service.getHover(report3(`See [x](./${nameOf('0001')}#d4-root-cause--escape-points).`), at(LINKS_LINE, 6))!;
    assert.match((hover.contents as MarkupContent).value, /\n\nSection: D4: Root cause & escape points\n\n/);
  });

  test('elsewhere the timeline hover still answers', () => {
    const text = readFileSync(join(CORPUS, 'postmortems', 'sre-style.md'), 'utf8');
    const line = text.split('\n').findIndex((l) => /^#+ Timeline/.test(l));
    assert.ok(service.getHover(documentOf(text, 'file:///ws/pm/sre-style.md'), at(line, 4)));
    assert.equal(service.getHover(documentOf(textOf('0003'), uriOf('0003')), at(3, 3)), undefined);
  });

  test('nothing for links to files that are not reports, nor in other documents', () => {
    assert.equal(service.getLinkHover(report3('See [readme](./README.md).'), at(LINKS_LINE, 8)), undefined);
    const readme = documentOf(readFileSync(join(REPORTS, 'README.md'), 'utf8'), `${WS}README.md`);
    assert.equal(service.getHover(readme, at(7, 10)), undefined);
  });
});

describe('references to a report', () => {
  test('on the title line: every link to the report in the workspace', () => {
    const document = documentOf(textOf('0001'), uriOf('0001'));
    assert.deepEqual(service.getReferences(document, at(0, 5), false), [{ uri: uriOf('0003'), range: { start: at(7, 14), end: at(7, 126) } }]);
    assert.deepEqual(service.getReferences(document, at(0, 5), true).map((l) => [l.uri, l.range.start.line]), [[uriOf('0001'), 0], [uriOf('0003'), 7]]);
  });

  test('links with fragments count; links within the report itself do not', () => {
    const local = corpusIndex();
    local.update(uriOf('0003'), withLinks(`See [root cause](./${nameOf('0001')}#d4-root-cause--escape-points).`));
    local.update(uriOf('0001'), textOf('0001').replace('## D0: Planning\n', '## D0: Planning\nSee [D4](#d4-root-cause--escape-points).\n'));
    const references = createLanguageService({ workspace: local }).getReferences(documentOf(textOf('0001'), uriOf('0001')), at(0, 0), false);
    assert.deepEqual(references.map((l) => [l.uri, l.range.start.line]), [[uriOf('0003'), 7], [uriOf('0003'), LINKS_LINE]]);
  });

  test('nothing off the title line, without an index, or in other documents', () => {
    const document = documentOf(textOf('0001'), uriOf('0001'));
    assert.deepEqual(service.getReferences(document, at(2, 0), true), []);
    assert.deepEqual(createLanguageService().getReferences(document, at(0, 0), false), []);
    const readme = documentOf(readFileSync(join(REPORTS, 'README.md'), 'utf8'), `${WS}README.md`);
    assert.deepEqual(service.getReferences(readme, at(0, 0), true), []);
  });
});

describe('workspace symbols', () => {
  test('a number, with or without `#` or padding, finds that report only', () => {
    for (const query of ['3', '#3', '0003', ' #3 ']) {
      assert.deepEqual(service.getWorkspaceSymbols(query), [
        { name: '0003: Firmware 2.4 - OTA rollback failure on KG-400', kind: 1, location: { uri: uriOf('0003'), range: top(0) } },
      ], query);
    }
  });

  test('text finds titles and sections, case-insensitively; sections name their report', () => {
    const symbols = service.getWorkspaceSymbols('ota');
    assert.deepEqual(symbols.filter((s) => s.kind === 1).map((s) => s.name), [
      '0001: OTA update leaves KG-400 gateways in boot loop',
      '0003: Firmware 2.4 - OTA rollback failure on KG-400',
    ]);
    const causes = service.getWorkspaceSymbols('ROOT CAUSE &');
    assert.deepEqual(causes.map((s) => [s.name, s.kind, s.containerName, s.location.range.start.line]), [
      ['D4: Root cause & escape points', 15, '0001: OTA update leaves KG-400 gateways in boot loop', 46],
      ['D4: Root cause & escape points', 15, '0003: Firmware 2.4 - OTA rollback failure on KG-400', 45],
      ['D4: Root cause & escape points', 15, '0004: Intermittent Modbus timeouts after gateway reboot', 36],
    ]);
  });

  test('titles are not sections: depth 1 headings are only listed as reports', () => {
    assert.ok(service.getWorkspaceSymbols('boot loop').every((s) => s.kind === 1));
  });

  test(`at most ${MAX_WORKSPACE_SYMBOLS} results, none without an index`, () => {
    const big = new ReportIndex();
    for (let n = 1; n <= 1000; n++) big.update(`file:///big/${n}.md`, `# ${n}: Report ${n}\n\n## D1: Team\n\nx\n\n## D2: Problem\n\nx\n\n## D3: Containment\n\nx\n`);
    const symbols = createLanguageService({ workspace: big }).getWorkspaceSymbols('report');
    assert.equal(symbols.length, MAX_WORKSPACE_SYMBOLS);
    assert.ok(symbols.every((s) => s.kind === 1));
    assert.equal(createLanguageService({ workspace: big }).getWorkspaceSymbols('d2').length, MAX_WORKSPACE_SYMBOLS);
    assert.deepEqual(createLanguageService().getWorkspaceSymbols('ota'), []);
  });
});

// Link completion on an in-memory index of the corpus reports: relations, reports, paths and heading anchors.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { completionContext, MAX_LISTED, replacedAfter, withItemEdits } from '../../server/src/features/completion';
import { RELATIONS } from '../../server/src/model/links';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import { REPORTS, WS, NAMES, nameOf, textOf, uriOf, corpusIndex, documentOf } from '../support/fixtures';


const CURSOR = '‸';
const index = corpusIndex();
const service = createLanguageService({ workspace: index });

/** Completions where `‸` stands in `text` (the marker removed), each with its edit as a client applies it. */
function complete(text: string, uri: string, on = service): { items: CompletionItem[]; line: number; character: number } {
  const offset = text.indexOf(CURSOR);
  assert.ok(offset >= 0, 'no cursor marker');
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  const items = withItemEdits(on.getCompletions(documentOf(text.replace(CURSOR, ''), uri), { line, character }));
  return { items, line, character };
}

/** A corpus report with `line` (which holds the cursor) inserted after the line starting with `after`. */
function edited(prefix: string, after: string, line: string): string {
  const lines = textOf(prefix).split('\n');
  const at = lines.findIndex((l) => l.startsWith(after));
  assert.ok(at >= 0, `no line ${after}`);
  lines.splice(at + 1, 0, line);
  return lines.join('\n');
}

const edit = (item: CompletionItem) => item.textEdit as TextEdit;

describe('relation names at the start of a `## Links` item', () => {
  test('after `- `: every relation, inserted with its colon', () => {
    const { items, line } = complete(edited('0001', '- Superseded by:', `- ${CURSOR}`), uriOf('0001'));
    assert.deepEqual(items.map((i) => i.label), RELATIONS.map((r) => r.name));
    assert.ok(items.every((i) => i.kind === 14)); // Keyword
    assert.equal(edit(items[0]).newText, 'Supersedes: ');
    assert.deepEqual(edit(items[0]).range, { start: { line, character: 2 }, end: { line, character: 2 } });
  });

  test('a partial word is replaced', () => {
    const { items, line } = complete(edited('0001', '- Superseded by:', `- Superseded b${CURSOR}`), uriOf('0001'));
    assert.equal(items.length, RELATIONS.length);
    assert.deepEqual(edit(items[1]).range, { start: { line, character: 2 }, end: { line, character: 14 } });
    assert.equal(edit(items[1]).newText, 'Superseded by: ');
  });

  test('not in list items of other sections', () => {
    assert.deepEqual(complete(edited('0001', '- **Trigger:**', `- ${CURSOR}`), uriOf('0001')).items, []);
  });
});

describe('reports after a relation or `[`', () => {
  test('after `- Supersedes: `: the other reports, labelled padded, linked unpadded in a 1.0.2 report', () => {
    const { items, line, character } = complete(edited('0001', '- Superseded by:', `- Related to: ${CURSOR}`), uriOf('0001'));
    assert.deepEqual(items.map((i) => i.label), [
      '0002: Solder voids on KG-400 power board (Line 3)',
      '0003: Firmware 2.4 - OTA rollback failure on KG-400',
      '0004: Intermittent Modbus timeouts after gateway reboot',
      '0005: Enclosure gasket cracking on outdoor KG-400 units',
    ]);
    const first = items[0];
    assert.equal(edit(first).newText, '[2: Solder voids on KG-400 power board (Line 3)](./0002-solder-voids-on-kg-400-power-board-line-3.md)');
    assert.deepEqual(edit(first).range, { start: { line, character }, end: { line, character } });
    assert.equal(first.detail, 'Completed · 2025-07-21');
    // The summary comes when the item is shown (resolved), not with every item of the list.
    assert.equal(first.documentation, undefined);
    assert.deepEqual(service.resolveCompletionItem(first).documentation, { kind: 'markdown', value: index.get(uriOf('0002'))!.summary });
    assert.equal(first.filterText, undefined, 'matched on its label');
  });

  test('in a padded (pre-release) report the labels are padded; the typed `[` is replaced', () => {
    const { items, line, character } = complete(edited('0003', '- Supersedes:', `- Related to: [ota${CURSOR}`), uriOf('0003'));
    assert.ok(!items.some((i) => i.label.startsWith('0003')), 'not the report itself');
    const first = items.find((i) => i.label.startsWith('0001'))!;
    assert.equal(edit(first).newText, '[0001: OTA update leaves KG-400 gateways in boot loop](./0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md)');
    assert.deepEqual(edit(first).range, { start: { line, character: character - 4 }, end: { line, character } });
    assert.equal(first.filterText, '[0001: OTA update leaves KG-400 gateways in boot loop');
  });

  test('straight after the `:` trigger a space is inserted first', () => {
    const { items } = complete(edited('0001', '- Superseded by:', `- Extends:${CURSOR}`), uriOf('0001'));
    assert.match(edit(items[0]).newText, /^ \[2: Solder voids/);
  });

  test('the `]` an editor closed on its own is replaced too', () => {
    const { items, line, character } = complete(edited('0001', '- Superseded by:', `- Extends: [${CURSOR}]`), uriOf('0001'));
    assert.deepEqual(edit(items[0]).range, { start: { line, character: character - 1 }, end: { line, character: character + 1 } });
  });

  test('after `[` anywhere in a report, not after `![` nor in code', () => {
    assert.equal(complete(edited('0001', '## D0: Planning', `See also [${CURSOR}`), uriOf('0001')).items.length, 4);
    assert.deepEqual(complete(edited('0001', '## D0: Planning', `![${CURSOR}`), uriOf('0001')).items, []);
    assert.deepEqual(complete(edited('0001', '## D0: Planning', `Run \`a[${CURSOR} b\` now`), uriOf('0001')).items, []);
    assert.deepEqual(complete(edited('0001', '## D0: Planning', `\n\`\`\`\nx = a[${CURSOR}\n\`\`\``), uriOf('0001')).items, []);
  });

  test('from a report in another folder the path goes up: `../reports/…`', () => {
    const uri = 'file:///ws/archive/0010-old-report.md';
    const { items } = complete(edited('0004', '- Related to:', `- Related to: [${CURSOR}`).replace('# 4:', '# 10:'), uri);
    assert.equal(items.length, 5);
    assert.equal(edit(items[0]).newText, '[1: OTA update leaves KG-400 gateways in boot loop](../reports/0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md)');
  });

  test('completing inside an existing link replaces the whole link', () => {
    assert.equal(replacedAfter('A update](./0001-x.md) and more'), 'A update](./0001-x.md)'.length);
    assert.equal(replacedAfter(']'), 1);
    assert.equal(replacedAfter(' plain text'), 0);
  });
});

describe('paths after `](` and anchors after `#`', () => {
  test('`](`: the other Markdown files of the workspace, relative, reports with their label', () => {
    const { items, line, character } = complete(edited('0001', '## D0: Planning', `See [notes](./${CURSOR}`), uriOf('0001'));
    assert.deepEqual(items.map((i) => i.label), [...NAMES.filter((n) => !n.startsWith('0001')).map((n) => `./${n}`)]);
    assert.equal(items.find((i) => i.label === './README.md')!.detail, undefined);
    assert.equal(items[0].detail, '0002: Solder voids on KG-400 power board (Line 3)');
    assert.deepEqual(edit(items[0]).range, { start: { line, character: character - 2 }, end: { line, character } });
  });

  test('`](` from a subfolder', () => {
    const { items } = complete(`# 10: Old\n\n## D1: Team\n\nx\n\n## D2: Problem\n\nSee [a](${CURSOR}\n\n## D3: Containment\n\nx\n`, 'file:///ws/archive/0010-old.md');
    assert.ok(items.some((i) => i.label === '../reports/0001-ota-update-leaves-kg-400-gateways-in-boot-loop.md'));
  });

  test('`](path#`: the target report\'s heading anchors, GitHub style', () => {
    const { items, line, character } = complete(edited('0003', '## D0: Planning', `See [root cause](./${nameOf('0001')}#d4${CURSOR}`), uriOf('0003'));
    const d4 = items.find((i) => i.detail === 'D4: Root cause & escape points')!;
    assert.equal(d4.label, 'd4-root-cause--escape-points');
    assert.deepEqual(edit(d4).range, { start: { line, character: character - 2 }, end: { line, character } });
  });

  test('`](#`: the document\'s own anchors, repeats numbered across the document', () => {
    const text = `# 7: Test\n\n## D1: Team\n\nx\n\n## D2: Problem\n\n### Notes\n\nx\n\n## D3: Containment\n\n### Notes\n\nSee [notes](#${CURSOR}\n`;
    const { items } = complete(text, 'file:///ws/reports/0007-test.md');
    assert.deepEqual(items.map((i) => i.label), ['7-test', 'd1-team', 'd2-problem', 'notes', 'd3-containment', 'notes-1']);
  });
});

describe('where there is nothing to complete', () => {
  test('documents that are not reports get nothing', () => {
    const readme = readFileSync(join(REPORTS, 'README.md'), 'utf8');
    assert.deepEqual(complete(`${readme}\nSee [${CURSOR}\n`, `${WS}README.md`).items, []);
    assert.deepEqual(complete(`${readme}\nSee [a](${CURSOR}\n`, `${WS}README.md`).items, []);
  });

  test('without a workspace index: relation names only', () => {
    const alone = createLanguageService();
    assert.equal(complete(edited('0001', '- Superseded by:', `- ${CURSOR}`), uriOf('0001'), alone).items.length, RELATIONS.length);
    assert.deepEqual(complete(edited('0001', '- Superseded by:', `- Supersedes: [${CURSOR}`), uriOf('0001'), alone).items, []);
  });

  test('context reading', () => {
    assert.deepEqual(completionContext('- Supersedes: [0001', true), { kind: 'report', start: 14, bracket: true, leadingSpace: false });
    assert.deepEqual(completionContext('- Supersedes: [0001', false), { kind: 'report', start: 14, bracket: true, leadingSpace: false });
    assert.equal(completionContext('- Unknown relation: ', true), undefined);
    assert.equal(completionContext('Plain text', true), undefined);
    assert.deepEqual(completionContext('[a](../reports/0001-x.md#d', false), { kind: 'slug', start: 25, path: '../reports/0001-x.md' });
  });
});

describe('a workspace of 10,000 reports', () => {
  test('`[` lists the first 500 and says the list is incomplete; what is typed then narrows it', () => {
    const big = new ReportIndex();
    const body = '\n\n**Date:** 2025-01-01\n**Status:** Open\n\n## D1: Team\n\nx\n\n## D2: Problem\n\nSomething broke.\n\n## D4: Root cause\n\nx\n';
    for (let n = 1; n <= 10000; n++) {
      const padded = String(n).padStart(4, '0');
      big.update(`file:///big/reports/${padded}-report-${n}.md`, `# ${n}: Report number ${n}${body}`);
    }
    assert.equal(big.size, 10000);
    const on = createLanguageService({ workspace: big });
    const list = (typed: string) => {
      const text = `# 10001: New${body}\nSee [${typed}`;
      return on.getCompletions(documentOf(text, 'file:///big/reports/10001-new.md'), { line: text.split('\n').length - 1, character: 5 + typed.length });
    };
    const all = list('');
    assert.equal(all.isIncomplete, true);
    assert.equal(all.items.length, MAX_LISTED);
    assert.equal(all.items[0].label, '0001: Report number 1');
    // Typed characters must appear in order (VS Code then ranks the closest first): `10000` leaves few hundred.
    const narrowed = list('10000');
    assert.equal(narrowed.isIncomplete, false);
    assert.ok(narrowed.items.length < MAX_LISTED);
    const last = withItemEdits(narrowed).find((item) => item.label === '10000: Report number 10000')!;
    assert.equal((last.textEdit as TextEdit).newText, '[10000: Report number 10000](./10000-report-10000.md)');
    assert.ok(narrowed.items.every((item) => /1.*0.*0.*0.*0/.test(item.label)));
    // Ordered by number, as the editor sorts them: `10000:` last, though its label sorts before `2000:`.
    const order = [...narrowed.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((item) => item.label);
    assert.equal(order.at(-1), '10000: Report number 10000');
    assert.deepEqual(list('R n 9999').items.map((item) => item.label), ['9999: Report number 9999']);
  });
});

describe('lists kept between keystrokes', () => {
  const body = '\n\n**Date:** 2025-01-01\n**Status:** Open\n\n## D1: Team\n\nx\n\n## D2: Problem\n\nSomething broke.\n\n## D4: Root cause\n\nx\n';
  const small = () => {
    const ix = new ReportIndex();
    for (let n = 1; n <= 3; n++) ix.update(`file:///ws/reports/000${n}-r.md`, `# ${n}: Report ${n}${body}`);
    return ix;
  };
  const reportsAt = (on: ReturnType<typeof createLanguageService>, version: number, extra = '') => {
    const text = `# 9: New${body}${extra}\nSee [`;
    return on.getCompletions({ uri: 'file:///ws/reports/0009-new.md', version, getText: () => text }, { line: text.split('\n').length - 1, character: 5 });
  };

  test('typing elsewhere in a report keeps the list; its links and headings are current all the same', () => {
    const ix = small();
    const on = createLanguageService({ workspace: ix });
    const first = reportsAt(on, 1);
    assert.equal(first.items.length, 3);
    ix.update('file:///ws/reports/0002-r.md', `# 2: Report 2${body}\nMore text, and [a link](./0001-r.md).\n`);
    const second = reportsAt(on, 2, '\nmore');
    assert.equal(second.items, first.items, 'the same list');
    assert.deepEqual(ix.all().find((r) => r.number === 2)!.links.map((l) => l.target), ['./0001-r.md']);
  });

  test('a new report, a new title or a deleted report shows in the next list', () => {
    const ix = small();
    const on = createLanguageService({ workspace: ix });
    const labels = (version: number) => reportsAt(on, version).items.map((i) => i.label);
    assert.deepEqual(labels(1), ['0001: Report 1', '0002: Report 2', '0003: Report 3']);
    ix.update('file:///ws/reports/0004-r.md', `# 4: Report 4${body}`);
    ix.update('file:///ws/reports/0002-r.md', `# 2: Renamed${body}`);
    ix.remove('file:///ws/reports/0001-r.md');
    assert.deepEqual(labels(2), ['0002: Renamed', '0003: Report 3', '0004: Report 4']);
  });
});


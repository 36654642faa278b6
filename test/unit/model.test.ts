import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../server/src/model/report';
import { readDisciplineLabel } from '../../server/src/model/kinds/eightD';
import { corpusReport, fixture } from '../support/fixtures';

describe('title and metadata in every shape 8d-tools has written', () => {
  test('1.0.2: `# 1:` with bulleted Date and Status', () => {
    const report = buildReport(corpusReport('0001').text);
    assert.equal(report.title?.number, '1');
    assert.equal(report.title?.title, 'OTA update leaves KG-400 gateways in boot loop');
    assert.equal(report.date?.value, '2025-07-08');
    assert.equal(report.status?.value, 'Superseded');
    assert.equal(report.status?.range.start.line, 3);
  });

  test('pre-release: `# 0003:` with unbulleted Date and Status in one paragraph', () => {
    const report = buildReport(corpusReport('0003').text);
    assert.equal(report.title?.number, '0003');
    assert.equal(report.date?.value, '2025-08-12');
    assert.equal(report.status?.value, 'Completed');
  });

  test('1.0.0–1.0.1: `# 3:` with unbulleted lines', () => {
    const report = buildReport(fixture('8d', 'release-1.0.0.md'));
    assert.equal(report.title?.number, '3');
    assert.equal(report.date?.value, '2025-03-04');
    assert.equal(report.status?.value, 'Draft');
  });

  test('front matter title, number, date and status count', () => {
    const report = buildReport(fixture('8d', 'front-matter.md'));
    assert.equal(report.kind, '8d');
    assert.equal(report.title?.title, 'Paint adhesion failures on bracket B-12');
    assert.equal(report.title?.number, '21');
    assert.equal(report.date?.value, '2025-06-30');
    assert.equal(report.status?.value, 'Draft');
  });
});

describe('report kind', () => {
  test('three or more distinct disciplines make an 8D report', () => {
    assert.equal(buildReport('## D0: Planning\n\n## D1: Team\n\n## D2: Problem\n').kind, '8d');
  });

  test('front matter `type: 8d` makes an 8D report even with no discipline yet', () => {
    assert.equal(buildReport('---\ntype: 8d\n---\n\n# 1: New\n').kind, '8d');
  });

  test('ordinary Markdown is not a report', () => {
    assert.equal(buildReport(fixture('not-reports', 'd3-charts.md')).kind, undefined);
    assert.equal(buildReport(fixture('corpus', 'not-reports', 'README.md')).kind, undefined);
    assert.equal(buildReport('## D0: Planning\n\n## D1: Team\n').kind, undefined);
  });

  test('a heading inside a fenced code block is not a heading', () => {
    const report = buildReport(fixture('8d', 'code-fence.md'));
    assert.deepEqual(report.disciplines.map((d) => d.number), [0, 1, 2, 4, 5, 6, 7, 8]);
  });
});

describe('discipline headings are recognised by number', () => {
  const cases: [string, number, string][] = [
    ['D3: Interim containment action', 3, 'Interim containment action'],
    ['D3 - Containment', 3, 'Containment'],
    ['D3 – Containment', 3, 'Containment'],
    ['D3 — Containment', 3, 'Containment'],
    ['D3. Containment', 3, 'Containment'],
    ['D3 | Containment', 3, 'Containment'],
    ['D3) Containment', 3, 'Containment'],
    ['D3', 3, ''],
    ['d0 - Prepare for the 8D Process', 0, 'Prepare for the 8D Process'],
    ['Discipline 6: Implementation & validation', 6, 'Implementation & validation'],
    ['DISCIPLINE 7 Prevention', 7, 'Prevention'],
  ];
  for (const [text, number, title] of cases) {
    test(JSON.stringify(text), () => {
      const label = readDisciplineLabel(text);
      assert.equal(label?.number, number);
      assert.equal(label?.title, title);
    });
  }

  test('not disciplines: D9, D30, D3x, Dashboard', () => {
    for (const text of ['D9: Extra', 'D30 results', 'D3x chip', 'Dashboard', 'The D3 section']) assert.equal(readDisciplineLabel(text), undefined, text);
  });

  test('any heading level, any case, bold', () => {
    const report = buildReport(fixture('8d', 'heading-variants.md'));
    assert.deepEqual(report.disciplines.map((d) => d.number), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(report.disciplines.map((d) => d.heading.depth), [1, 3, 2, 4, 2, 2, 2, 2, 2]);
    assert.equal(report.disciplines[2].heading.bold, true);
  });

  test('a level-3 discipline under a level-2 one is its own section (0005 D6 under D5)', () => {
    const report = buildReport(corpusReport('0005').text);
    const d5 = report.disciplines.find((d) => d.number === 5)!;
    const d6 = report.disciplines.find((d) => d.number === 6)!;
    assert.equal(report.lines.positionAt(d5.end).line, d6.heading.line);
  });
});

describe('title family', () => {
  test('simple, default and Ford titles are told apart', () => {
    assert.equal(buildReport(corpusReport('0001').text).family, 'simple');
    assert.equal(buildReport(corpusReport('0002').text).family, 'default');
    assert.equal(buildReport(corpusReport('0005').text).family, 'ford');
  });
});

describe('front matter', () => {
  test('a YAML syntax error is a problem at its position, not an exception', () => {
    const report = buildReport(fixture('8d', 'front-matter-broken.md'));
    assert.ok(report.frontMatter);
    assert.ok(report.frontMatter.problems.length > 0);
    assert.ok(report.frontMatter.problems[0].range.start.line >= 1 && report.frontMatter.problems[0].range.start.line <= 4);
  });

  test('front matter that is not a mapping is a problem', () => {
    const report = buildReport('---\n- a\n- b\n---\n\n## D0\n## D1\n## D2\n');
    assert.match(report.frontMatter?.problems[0]?.message ?? '', /mapping/);
  });
});

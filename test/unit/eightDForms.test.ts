// 8D forms beyond 8d-tools: the original D1–D8 layout, metadata under forms' labels and in tables, subsections
// that name their discipline again. The documents are written for these tests (test/fixtures/8d and inline).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind } from 'vscode-languageserver-types';
import { buildReport, readMetadataField, type IncidentReport } from '../../server/src/model/report';
import { createLanguageService } from '../../server/src/languageService';
import { isOriginalLayout, metadataFieldOfLabel, normalizeFieldLabel, readTitleNumber } from '../../server/src/model/kinds/eightD';
import { documentOf, findingsOf, fixture } from '../support/fixtures';
import { assertLinear } from '../support/linear';

const problems = (text: string) => findingsOf(text).filter((f) => f.severity !== 'hint');
const rules = (text: string) => problems(text).map((f) => `${f.rule}: ${f.message}`);

/** A filled form of disciplines `numbers`, with `header` between the title and the first discipline. */
function form(numbers: number[], header = '**8D Number:** 8D-2024-005\n**Date Opened:** 2024-03-04\n**Status:** Open', heading = (n: number) => `## D${n} Section ${n}`): string {
  return `# Supplier issue on housings\n\n${header}\n\n${numbers.map((n) => `${heading(n)}\n\nWhat the team found and did in discipline ${n}.\n`).join('\n')}`;
}

describe('original D1–D8 forms', () => {
  test('a Ford D1–D8 report is not told it lacks D0, and has nothing else wrong', () => {
    assert.deepEqual(rules(fixture('8d', 'ford-d1-d8.md')), []);
  });

  test('a VDA-style D1–D8 report with its metadata in a Field/Value table gets no finding', () => {
    assert.deepEqual(rules(fixture('8d', 'vda-table-metadata.md')), []);
  });

  test('a D1–D8 form missing D5 is told of D5 only', () => {
    assert.deepEqual(rules(form([1, 2, 3, 4, 6, 7, 8])).filter((r) => r.startsWith('missing-section')), ['missing-section: Missing section D5: Permanent corrective action']);
  });

  test('a report that has D0 still needs every discipline', () => {
    const missing = rules(form([0, 2, 3, 4, 5, 6, 7, 8])).filter((r) => r.startsWith('missing-section'));
    assert.deepEqual(missing, ['missing-section: Missing section D1: Team members']);
  });

  test('a report with only a few of D1–D8 still lacks D0', () => {
    const missing = rules(form([1, 2, 3])).filter((r) => r.startsWith('missing-section'));
    assert.ok(missing.some((r) => r.includes('D0')), missing.join('\n'));
  });

  test('an 8d-tools report that lost its D0 still needs it: its titles are 8d-tools\' own', () => {
    const titles = ['', 'Team members', 'Problem statement & description', 'Interim containment action', 'Root cause & escape points', 'Permanent corrective action', 'Implementation plan', 'Preventive measures', 'Review & closure'];
    const text = form([1, 2, 3, 4, 5, 6, 7, 8], '- **Date:** 2025-01-01\n- **Status:** Draft', (n) => `## D${n}: ${titles[n]}`).replace('# Supplier', '# 4: Supplier');
    assert.deepEqual(rules(text), ['missing-section: Missing section D0: Planning']);
  });

  test('isOriginalLayout: no D0 and five or more of D1–D8', () => {
    const of = (numbers: number[]) => numbers.map((number) => ({ number, title: 'Whatever the form says' }));
    assert.equal(isOriginalLayout(of([1, 2, 3, 4, 5, 6, 7, 8])), true);
    assert.equal(isOriginalLayout(of([1, 2, 4, 6, 8])), true);
    assert.equal(isOriginalLayout(of([1, 2, 3, 4])), false);
    assert.equal(isOriginalLayout(of([0, 1, 2, 3, 4, 5, 6, 7, 8])), false);
  });

  test('the quick-fixes of a D1–D8 form never offer D0', () => {
    const service = createLanguageService();
    const document = documentOf(form([1, 2, 4, 5, 6, 7, 8]));
    const diagnostics = service.computeDiagnostics(document);
    const titles = service.getCodeActions(document, { diagnostics, only: [CodeActionKind.QuickFix] }).map((a) => a.title);
    assert.deepEqual(titles.filter((t) => t.startsWith('Insert D')), ['Insert D3: Interim containment action']);
    const all = service.insertMissingSections(document);
    assert.equal(all.length, 1);
    assert.ok(!all.some((edit) => edit.newText.includes('D0')));
  });
});

describe('subsections that name their discipline again', () => {
  test('### D4 Evidence and ### D4.1 inside ## D4 are part of D4: no duplicate, no order problem', () => {
    const report = buildReport(fixture('8d', 'ford-d1-d8.md'));
    assert.deepEqual(report.disciplines.map((d) => d.number), [1, 2, 3, 4, 5, 6, 7, 8]);
    const d4 = report.disciplines.find((d) => d.number === 4)!;
    assert.ok(d4.content.some((node) => node.type === 'heading'), 'the subsections are D4\'s content');
  });

  test('a D4 subsection placed after D5 began is still reported', () => {
    const text = form([1, 2, 3, 4, 5, 6, 7, 8]).replace('## D6', '### D4.2 More analysis\n\nMore.\n\n## D6');
    assert.deepEqual(problems(text).map((f) => f.rule), ['duplicate-section']);
  });

  test('two sibling headings for D4 are still duplicates', () => {
    const text = form([1, 2, 3, 4, 5, 6, 7, 8]).replace('## D5', '## D4 Evidence\n\nSamples.\n\n## D5');
    const found = problems(text);
    assert.deepEqual(found.map((f) => f.rule), ['duplicate-section']);
    assert.match(found[0].message, /^Duplicate section D4: it is already on line \d+$/);
  });

  test('an empty D4 whose subsection holds the analysis is not empty', () => {
    const text = form([1, 2, 3, 5, 6, 7, 8]).replace('## D5', '## D4 Root cause\n\n### D4.1 Why-why\n\nThe die was worn.\n\n## D5');
    assert.deepEqual(findingsOf(text).filter((f) => f.rule === 'empty-section'), []);
  });
});

describe('number, date and status under forms\' labels', () => {
  const shapes: Record<string, string> = {
    'bold labels, colon inside': '**8D No.:** 17\n**Date Initiated:** 2024-03-04\n**Report Status:** Open',
    'bold labels, colon after': '**Report Number**: 8D-2024-017  \n**Date Opened**: 4 March 2024  \n**Status**: Open',
    'list items': '- Report ID: 8D-17\n- Opened: 2024-03-04\n- Status: Containment',
    'plain lines': 'Complaint Number: C-2291\nReport Date: March 4, 2024\nStatus: Open',
    'numbered list': '1. Report No.: 17\n2. Date: 2024/03/04\n3. State: open',
    'two-column table without header words': '| Report Number | 8D-2024-017 |\n|---|---|\n| Date Opened | 2024-03-04 |\n| Status | Open |',
    'Field/Value table': '| Field | Value |\n|---|---|\n| **8D Number** | 8D-2024-017 |\n| **Date Initiated** | 04.03.2024 |\n| **Status** | Open |',
    'pairs across a wider table': '| 8D Number | 8D-2024-017 | Date | 03/04/2024 |\n|---|---|---|---|\n| Status | Open | Customer | ACME |',
    'a header of labels over one row': '| 8D # | Date Opened | Status |\n|---|---|---|\n| 17 | 2024-03-04 | Open |',
    'under a header section before the disciplines': '## Report Information\n\n| Field | Value |\n|---|---|\n| Report Number | 8D-2024-017 |\n| Report Date | 2024-03-04 |\n| Report Status | Open |',
    'front matter keys': '',
  };
  for (const [name, header] of Object.entries(shapes)) {
    test(`${name}: a filled form is not told it lacks them`, () => {
      const text = name === 'front matter keys'
        ? `---\nreport_number: 8D-2024-017\ndate_opened: 2024-03-04\nstatus: Open\n---\n${form([1, 2, 3, 4, 5, 6, 7, 8], '')}`
        : form([1, 2, 3, 4, 5, 6, 7, 8], header);
      assert.deepEqual(rules(text), []);
      const report = buildReport(text);
      assert.ok(report.number?.value, 'number');
      assert.ok(report.date?.value, 'date');
      assert.ok(report.status?.value, 'status');
    });
  }

  test('the values and where they stand', () => {
    const text = form([1, 2, 3, 4, 5, 6, 7, 8], '| Field | Value |\n|---|---|\n| Report Number | 8D-2024-017 |\n| Date Initiated | 2024-03-04 |\n\n**Status:** Open');
    const report = buildReport(text);
    assert.equal(report.number?.value, '8D-2024-017');
    assert.equal(report.date?.value, '2024-03-04');
    assert.equal(report.status?.value, 'Open');
    const line = text.split('\n')[report.number.range.start.line];
    assert.equal(line.slice(report.number.range.start.character, report.number.range.end.character), '8D-2024-017');
    const statusLine = text.split('\n')[report.status.range.start.line];
    assert.equal(statusLine.slice(report.status.range.start.character, report.status.range.end.character), 'Open');
  });

  test('an action table before the disciplines is no metadata: its header names columns', () => {
    const text = form([1, 2, 3, 4, 5, 6, 7, 8], '**Date:** 2024-03-04\n**Status:** Open\n\n## Emergency response\n\n| ID | Action | Owner |\n|---|---|---|\n| 1 | Stop shipments | J. Park |');
    assert.equal(buildReport(text).number, undefined);
  });

  test('German labels of VDA forms', () => {
    const text = form([1, 2, 3, 4, 5, 6, 7, 8], '| Feld | Wert |\n|---|---|\n| 8D-Bericht Nr. | 2024-031 |\n| Datum | 21.05.2024 |\n| Status | offen |');
    assert.deepEqual(rules(text), []);
  });

  test('labels are read only before the first discipline, and only whole labels', () => {
    const text = form([1, 2, 3, 4, 5, 6, 7, 8], 'Prepared for the plant quality review.').replace('What the team found and did in discipline 3.', 'Status: containment in place\nDate: 2024-03-09');
    const report = buildReport(text);
    assert.equal(report.status, undefined);
    assert.equal(report.date, undefined);
    assert.equal(buildReport(form([1, 2, 3, 4, 5, 6, 7, 8], 'Target Closure Date: 2024-04-01\nDate Closed: 2024-04-02')).date, undefined);
  });

  test('vocabulary: No., #, Nr. and Number are one word; case, emphasis and punctuation do not matter', () => {
    assert.equal(normalizeFieldLabel('**8D No.**'), '8d number');
    for (const label of ['8D No.', '8d no', '8D #', '8D Nr.', '8D-Number', 'REPORT ID', '_Report No_', 'report_number']) assert.equal(metadataFieldOfLabel(label), 'number', label);
    for (const label of ['Date Initiated', 'date opened', 'Opened', 'Report Date', 'date']) assert.equal(metadataFieldOfLabel(label), 'date', label);
    for (const label of ['Status', 'Report Status', 'state']) assert.equal(metadataFieldOfLabel(label), 'status', label);
    for (const label of ['Target Closure Date', 'Customer', 'Part Number of the housing', '{{date}}', 'Reported by']) assert.equal(metadataFieldOfLabel(label), undefined, label);
  });

  test('a number in a form\'s title counts: # 8D-2024-017: …, # 8D Report #17 – …, # NCR 4411 …, # … (Report No. 12)', () => {
    for (const [title, number] of [['8D-2024-017: Cracked housing', '8D-2024-017'], ['8D Report #17 – Cracked housing', '8D Report #17'], ['NCR 4411 Cracked housing', 'NCR 4411'], ['Cracked housing (Report No. 12)', 'No. 12']]) {
      const text = form([1, 2, 3, 4, 5, 6, 7, 8], '**Date:** 2024-03-04\n**Status:** Open').replace('# Supplier issue on housings', `# ${title}`);
      assert.deepEqual(rules(text), [], title);
      const report = buildReport(text);
      assert.equal(report.number?.value, number, title);
      assert.equal(text.split('\n')[0].slice(report.number.range.start.character, report.number.range.end.character), number);
    }
    for (const title of ['8D Report: Cracked housing', 'Cracked housing on 2 pumps', '8D for housings']) {
      assert.equal(buildReport(form([1, 2, 3, 4, 5, 6, 7, 8]).replace('# Supplier issue on housings', `# ${title}`).replace('**8D Number:** 8D-2024-005\n', '')).number, undefined, title);
    }
  });

  test('a filled form without any number, date or status is still told so', () => {
    const found = rules(form([1, 2, 3, 4, 5, 6, 7, 8], 'Prepared for the plant quality review.'));
    assert.deepEqual(found, [
      'metadata: The title has no report number: write it as `# N: Title`',
      'metadata: Missing date: add `- **Date:** YYYY-MM-DD` under the title',
      'metadata: Missing status: add `- **Status:** Draft` under the title',
    ]);
  });

  test('an empty number field in a filled form is pointed at', () => {
    const found = rules(form([1, 2, 3, 4, 5, 6, 7, 8], '| Field | Value |\n|---|---|\n| 8D Number | |\n| Date | 2024-03-04 |\n| Status | Open |'));
    assert.deepEqual(found, ['metadata: The report number is empty: fill it in, or write the title as `# N: Title`']);
  });

  test('dates in forms\' notations are dates; a month without a day is let be; nonsense is not a date', () => {
    for (const date of ['15.03.2024', '03/15/2024', '15/03/2024', '2024-03-15 09:30', 'Friday, March 15, 2024', 'March 2024', '2024-03', '03/2024']) {
      assert.deepEqual(rules(form([1, 2, 3, 4, 5, 6, 7, 8], `**8D Number:** 17\n**Date:** ${date}\n**Status:** Open`)), [], date);
    }
    for (const date of ['next Tuesday', '32.13.2024', 'TBD']) {
      const found = rules(form([1, 2, 3, 4, 5, 6, 7, 8], `**8D Number:** 17\n**Date:** ${date}\n**Status:** Open`));
      assert.deepEqual(found, [`metadata: The date "${date}" is not a date: write it as YYYY-MM-DD`], date);
    }
  });

  test('8d-tools\' own shapes keep their messages', () => {
    const disciplines = '## D0: Planning\n\nx\n\n## D1: Team members\n\nx\n\n## D2: Problem statement & description\n\nx\n';
    const text = `# 3: Pump failure\n\n- **Date:** someday\n\n${disciplines}`;
    assert.deepEqual(findingsOf(text).filter((f) => f.rule === 'metadata').map((f) => f.message), [
      'Missing status: add `- **Status:** Draft` under the title',
      'The date "someday" is not a date: write it as YYYY-MM-DD',
    ]);
    assert.deepEqual(findingsOf(`# Pump failure\n\n- **Date:** 2025-01-01\n- **Status:** Draft\n\n${disciplines}`).filter((f) => f.rule === 'metadata').map((f) => f.message),
      ['The title has no report number: write it as `# N: Title`']);
  });

  test('a post-mortem\'s metadata is read as 8d-tools writes it (as the workspace index does), not from tables', () => {
    const report = buildReport('# Incident: payments down\n\n| Status | Closed |\n|---|---|\n\nStatus: resolved\n\n- **Status:** Closed\n\n## Summary\n\nx\n');
    assert.equal(report.status?.value, 'Closed');
    assert.equal(report.number, undefined);
  });
});

describe('the metadata readers are linear on adversarial input', () => {
  test('readTitleNumber', () => {
    for (const piece of ['8D ', '8D-', '# ', 'No. ', '8D Report ', '1-', 'NCR']) assertLinear(`readTitleNumber on ${JSON.stringify(piece)}`, readTitleNumber, piece, (text) => text);
  });

  test('metadataFieldOfLabel', () => {
    for (const piece of ['No. ', '#', '8D ', '**', 'nr', '{', ' ']) assertLinear(`metadataFieldOfLabel on ${JSON.stringify(piece)}`, metadataFieldOfLabel, piece, (text) => text);
  });

  test('metadata lines and tables before the first discipline', () => {
    const disciplines = '## D1 Team\n\nx\n\n## D2 Problem\n\nx\n\n## D3 Containment\n\nx\n';
    // Parsed untimed: this is about the readers, not remark. Labels that are not the field, so that every line is read.
    const read = (report: IncidentReport) => readMetadataField(report.tree, report.lines, undefined, 'number', 'forms');
    for (const piece of ['**Datum:** x\n', '- Stat: \n', '> Report Nr: **\n', '| Report ID x | 1 |\n', ': : :\n', '**:**\n', '**Date:** x\n\n', 'Report                    \n']) {
      assertLinear(`readMetadataField on ${JSON.stringify(piece)}`, read, piece, (s) => buildReport(`# Form\n\n${s}\n${disciplines}`), 10_000);
    }
  });
});

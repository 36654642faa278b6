// The link rules against a workspace that is no index: they see reports only through the `ReportWorkspace`
// interface, so any object that answers it (here a hand-made one of two reports) is enough.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../server/src/model/report';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { brokenLink } from '../../server/src/rules/brokenLink';
import { missingBacklink } from '../../server/src/rules/missingBacklink';
import { linkLabel } from '../../server/src/rules/linkLabel';
import { supersededStatus } from '../../server/src/rules/supersededStatus';
import type { FixData } from '../../server/src/rules/fix';
import type { Rule } from '../../server/src/rules/rule';
import type { LinkingReport, ReportWorkspace, WorkspaceReport } from '../../server/src/rules/workspace';

const DIR = 'file:///ws/reports';
const CHECKED = `${DIR}/0002-second.md`;
const OTHER: WorkspaceReport = { uri: `${DIR}/0001-first.md`, kind: '8d', number: 1, title: 'First report', status: 'Completed', padded: false, links: [] };

function workspaceOf(linksToChecked: LinkingReport[] = []): ReportWorkspace {
  return {
    get: (uri) => (uri === OTHER.uri ? OTHER : undefined),
    byNumber: (number) => (number === 1 ? [OTHER] : []),
    reportsUnder: (folder) => (OTHER.uri.startsWith(`${folder}/`) ? [OTHER] : []),
    exists: (uri) => uri === OTHER.uri || uri === CHECKED,
    headingsOf: (uri) => (uri === OTHER.uri ? [{ text: 'D4: Root cause', slug: 'd4-root-cause', line: 9 }] : []),
    linksTo: (uri) => (uri === CHECKED ? linksToChecked : []),
    linkLineEdit: (uri, line) => ({ uri, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: `${line}\n` }),
    template: () => undefined,
  };
}

const REPORT = [
  '# 2: Second report',
  '',
  '- **Status:** Completed',
  '',
  '## Links',
  '',
  '- Supersedes: [1: First](./0001-first.md)',
  '- Related to: [1: First report](./0001-first.md#d4-root-cause) and [2](./0002-secnd.md) and [x](./0001-first.md#d9)',
  '',
].join('\n');

function findings(rule: Rule, workspace: ReportWorkspace) {
  return rule.check(buildReport(REPORT), { uri: CHECKED, settings: DEFAULT_SETTINGS, workspace });
}

describe('link rules on any ReportWorkspace', () => {
  test('broken-link: a missing file (fixed by number) and a missing heading; a known heading passes', () => {
    const found = findings(brokenLink, workspaceOf());
    assert.deepEqual(found.map((f) => f.message), ['Broken link: ./0002-secnd.md does not exist', '0001-first.md has no heading #d9']);
  });

  test('link-label: the label is compared with the title the workspace gives', () => {
    assert.deepEqual(findings(linkLabel, workspaceOf()).map((f) => f.message), ['The label "1: First" does not match the report\'s title "1: First report"']);
  });

  test('missing-backlink: the fix is the edit the workspace writes into the other report', () => {
    const [finding] = findings(missingBacklink, workspaceOf());
    assert.equal(finding.message, '0001-first.md has no "Superseded by" link back to this report');
    assert.deepEqual((finding.data as FixData).fix.edits, [
      { uri: OTHER.uri, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '- Superseded by: [2: Second report](./0002-second.md)\n' },
    ]);
  });

  test('superseded-status: a Supersedes link from another report, as the workspace lists it', () => {
    assert.deepEqual(findings(supersededStatus, workspaceOf()), []);
    const superseding: LinkingReport = { from: { ...OTHER, links: [] }, link: { relation: 'Supersedes', label: '2', target: './0002-second.md' } };
    assert.deepEqual(findings(supersededStatus, workspaceOf([superseding])).map((f) => f.message), ['This report is superseded, but its status is "Completed"']);
  });
});

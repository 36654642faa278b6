// Every rule's doc page shows a wrong and a right example; this checks that they say what the rule really does.
//
// The convention, on each page `docs/rules/<id>.md`:
//
// - every ```markdown block is a file of one report folder: its info string names it (```markdown 0001-pump-failure.md),
//   else it is `report.md`;
// - a section `## Wrong` whose first ```markdown block is the report checked, the rule reporting on it; other blocks
//   there are reports beside it (a link's target). Its one ```text block, after the report, holds the messages the rule
//   gives on it, one a line, in the order of their positions (as the Problems panel and the CLI list them);
// - a section `## Right`, right after it, showing the files that change (at least one, usually the report itself):
//   the others stay as in `## Wrong`. The rule reports nothing on the report checked;
// - a ```json block is the user's settings (`{ "incidentDocs.maxDocumentLines": 30 }`), used by both examples
//   unless `## Right` has its own.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_TODAY, ROOT, documentOf } from '../support/fixtures';
import { createLanguageService } from '../../server/src/languageService';
import { ReportIndex } from '../../server/src/workspace/reportIndex';
import { ALL_RULES } from '../../server/src/rules';
import { readSettings, type Settings } from '../../server/src/settings';

const DOCS = join(ROOT, 'docs', 'rules');
const FOLDER = 'file:///ws/reports/';
const DEFAULT_NAME = 'report.md';

/** Pages whose examples are not reports the language service can check, and why. */
const UNTESTED: Readonly<Record<string, string>> = {
  'report-folder': 'its subject is the .8d-dir and .8d-sequence.lock files of a workspace folder, not a report: its examples are ```text blocks of those files',
};

interface Block {
  /** The info string's first word (`markdown`, `text`, `json`). */
  language: string;
  /** The rest of the info string: a file name for a markdown block. */
  name: string;
  text: string;
  /** 1-based line of the opening fence on the page. */
  line: number;
}

interface Page {
  /** `##` headings outside code blocks, in order. */
  headings: string[];
  /** Blocks under each `##` heading, by heading text. */
  sections: Map<string, Block[]>;
  /** What is wrong with the page's Markdown itself. */
  problems: string[];
}

/** Reads a page's fences (``` or ~~~, closed by a fence of the same character at least as long) and `##` sections. */
function readPage(text: string): Page {
  const lines = text.split('\n');
  const headings: string[] = [];
  const sections = new Map<string, Block[]>();
  const problems: string[] = [];
  let section = '';
  let level = 1;
  let open: { marker: string; block: Block; body: string[] } | undefined;
  lines.forEach((line, index) => {
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === open.marker[0] && close[1].length >= open.marker.length) {
        open.block.text = open.body.join('\n') + '\n';
        open = undefined;
      } else open.body.push(line);
      return;
    }
    const fence = /^ {0,3}(`{3,}|~{3,})\s*(\S*)\s*(.*?)\s*$/.exec(line);
    if (fence) {
      const block: Block = { language: fence[2], name: fence[3], text: '', line: index + 1 };
      if (!sections.has(section)) sections.set(section, []);
      sections.get(section)!.push(block);
      open = { marker: fence[1], block, body: [] };
      return;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const depth = heading[1].length;
      if (index > 0 && depth === 1) problems.push(`line ${index + 1}: a second level-1 heading`);
      if (depth > level + 1) problems.push(`line ${index + 1}: heading level ${depth} under level ${level}`);
      level = depth;
      if (depth <= 2) {
        section = depth === 2 ? heading[2] : '';
        if (depth === 2) {
          if (headings.includes(section)) problems.push(`line ${index + 1}: a second "## ${section}"`);
          headings.push(section);
        }
      }
    }
  });
  if (open) problems.push(`line ${open.block.line}: a code block that is never closed`);
  if (!lines[0]?.startsWith('# ')) problems.push('the page does not start with its # title');
  return { headings, sections, problems };
}

interface Example {
  /** The report checked. */
  name: string;
  /** Every file of the folder, by name, the report checked among them. */
  files: Map<string, string>;
  settings: Settings | undefined;
  /** The expected messages (wrong examples only). */
  messages: string[] | undefined;
}

function exampleOf(id: string, blocks: readonly Block[] | undefined, kind: 'Wrong' | 'Right', wrong?: Example): Example {
  assert.ok(blocks, `docs/rules/${id}.md has no "## ${kind}" section`);
  const reports = blocks.filter((block) => block.language === 'markdown');
  assert.ok(reports.length > 0, `docs/rules/${id}.md: "## ${kind}" has no \`\`\`markdown block`);
  const files = new Map(wrong?.files);
  const shown = new Set<string>();
  for (const report of reports) {
    const name = report.name || DEFAULT_NAME;
    assert.ok(!shown.has(name), `docs/rules/${id}.md line ${report.line}: a second ${name} in "## ${kind}": name the files (\`\`\`markdown 0001-name.md)`);
    shown.add(name);
    assert.ok(!wrong || wrong.files.has(name), `docs/rules/${id}.md line ${report.line}: ${name} is not a file of "## Wrong"`);
    files.set(name, report.text);
  }
  const json = blocks.filter((block) => block.language === 'json');
  assert.ok(json.length <= 1, `docs/rules/${id}.md: "## ${kind}" has more than one \`\`\`json block`);
  const settings = json.length ? settingsOf(id, json[0]) : wrong?.settings;
  if (wrong) return { name: wrong.name, files, settings, messages: undefined };
  const texts = blocks.filter((block) => block.language === 'text');
  assert.equal(texts.length, 1, `docs/rules/${id}.md: "## Wrong" needs one \`\`\`text block of the messages`);
  assert.ok(texts[0].line > reports[0].line, `docs/rules/${id}.md: the messages of "## Wrong" come after its report`);
  const messages = texts[0].text.split('\n').filter((line) => line.trim() !== '');
  return { name: reports[0].name || DEFAULT_NAME, files, settings, messages };
}

/** `{ "incidentDocs.maxDocumentLines": 30, "incidentDocs.rules.x": "off" }` as the server reads the section. */
function settingsOf(id: string, block: Block): Settings {
  const flat: unknown = JSON.parse(block.text);
  assert.ok(flat && typeof flat === 'object' && !Array.isArray(flat), `docs/rules/${id}.md line ${block.line}: settings are a JSON object`);
  const section: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    assert.ok(key.startsWith('incidentDocs.'), `docs/rules/${id}.md line ${block.line}: ${key} is not an incidentDocs setting`);
    const path = key.slice('incidentDocs.'.length).split('.');
    // `rules.<id>` is one key below `rules`; the others nest by their dots (`postmortem.requiredSections`).
    const parts = path[0] === 'rules' ? ['rules', path.slice(1).join('.')] : path;
    let target = section;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = value;
  }
  const warnings: string[] = [];
  const settings = readSettings(section, ALL_RULES.map((rule) => rule.id), (message) => warnings.push(message));
  assert.deepEqual(warnings, [], `docs/rules/${id}.md line ${block.line}: the settings are read without complaint`);
  return settings;
}

/** Every finding on the example, as the user sees them: rule id and message, by position (a stable sort keeps rule order on one spot). */
function findingsOn(example: Example): { rule: string; message: string }[] {
  const index = new ReportIndex();
  for (const [name, text] of example.files) index.update(FOLDER + name, text);
  const service = createLanguageService({ workspace: index, today: () => FIXTURE_TODAY });
  const document = documentOf(example.files.get(example.name)!, FOLDER + example.name);
  const diagnostics = service.computeDiagnostics(document, example.settings);
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return diagnostics.map((diagnostic) => ({
    rule: String(diagnostic.code),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  }));
}

function show(findings: readonly { rule: string; message: string }[]): string {
  return findings.map((finding) => `  ${finding.rule}: ${finding.message}`).join('\n') || '  (none)';
}

const pages = readdirSync(DOCS).filter((file) => file.endsWith('.md')).sort();
const ruleIds = new Set(ALL_RULES.map((rule) => rule.id));

describe('the Wrong and Right examples of the rule pages', () => {
  test('every rule has a page, and every page is a rule or listed as untested with its reason', () => {
    for (const rule of ALL_RULES) assert.ok(pages.includes(`${rule.id}.md`), `docs/rules/${rule.id}.md`);
    for (const page of pages) {
      const id = page.slice(0, -'.md'.length);
      assert.ok(ruleIds.has(id) || id in UNTESTED, `docs/rules/${page} is no rule's page and has no reason to go untested`);
    }
  });

  for (const page of pages) {
    const id = page.slice(0, -'.md'.length);
    const text = readFileSync(join(DOCS, page), 'utf8');

    test(`${id}: the page's Markdown holds together, with a Wrong and a Right section`, () => {
      const read = readPage(text);
      assert.deepEqual(read.problems, [], `docs/rules/${page}`);
      const wrong = read.headings.indexOf('Wrong');
      const right = read.headings.indexOf('Right');
      assert.ok(wrong >= 0, `docs/rules/${page} has no "## Wrong"`);
      assert.equal(right, wrong + 1, `docs/rules/${page}: "## Right" comes right after "## Wrong"`);
    });

    if (id in UNTESTED) continue;
    test(`${id}: the wrong example gives the messages shown, the right one none of the rule`, () => {
      const read = readPage(text);
      const wrong = exampleOf(id, read.sections.get('Wrong'), 'Wrong');
      const right = exampleOf(id, read.sections.get('Right'), 'Right', wrong);
      const wrongFindings = findingsOn(wrong);
      const messages = wrongFindings.filter((finding) => finding.rule === id).map((finding) => finding.message);
      assert.ok(messages.length > 0, `docs/rules/${page}: the wrong example gives no ${id} finding; it gives:\n${show(wrongFindings)}`);
      assert.deepEqual(messages, wrong.messages, `docs/rules/${page}: the messages under "## Wrong" are what ${id} says; all it gives:\n${show(wrongFindings)}`);
      const rightFindings = findingsOn(right);
      assert.deepEqual(rightFindings.filter((finding) => finding.rule === id), [], `docs/rules/${page}: the right example gives a ${id} finding; all it gives:\n${show(rightFindings)}`);
    });
  }
});

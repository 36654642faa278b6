// The first scan reads report files as UTF-8 bytes and decodes only what it keeps: it must read exactly what the
// scanner reads from the decoded text, for every shape of non-ASCII text.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scanReport } from '../../server/src/workspace/scanner';
import { textOf, Utf8Bytes } from '../../server/src/workspace/fileContent';
import { nodeFileSystem, pathOfFileUri, readFileToScan } from '../../server/src/workspace/fileSystem';
import { CORPUS } from '../support/fixtures';

/** A text as the first scan reads it from disk. */
const asBytes = (text: string) => new Utf8Bytes(Buffer.from(text, 'utf8').toString('latin1'));

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

describe('scanning the UTF-8 bytes of a file reads what scanning its text reads', () => {
  test('every corpus document', () => {
    const paths = markdownFiles(CORPUS);
    assert.ok(paths.length >= 15);
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      assert.deepEqual(scanReport(asBytes(text), path), scanReport(text, path), path);
    }
  });

  const shapes: Record<string, string> = {
    'headings, title and metadata beyond ASCII':
      '# 7: Überlauf der Pumpe – Kühlkreis 🚒\n\n- **Date:** 2025-03-04\n- **Status:** Geschlossen ✓\n\n## D1: Équipe\n\n## D2: Problembeschreibung — «Druck»\n\nLa pompe a débordé.\n\n## D3: Sofortmaßnahmen\n',
    'links with labels and targets beyond ASCII, after text beyond ASCII':
      '# 1: Ausfall\n\n## Links\n\n- Ersetzt: [2: Größe prüfen](./0002-größe.md)\n- Supersedes: [3: 日本語](./0003-日本語.md) — «ok»\n\n## D1: Team\n\nSiehe `[nicht](./x.md)` und [ça](./0004-ça.md "Titré").\n',
    'a pasted post-mortem whose section names stand alone, beside long lines beyond ASCII':
      'Incident: Zahlungsausfall\n\nSummary\n\nDie Zahlungen fielen aus für zwölf Minuten — äöü äöü äöü äöü äöü.\n\nImpact\n\nÜberall.\n\nRoot cause\n\nEin Zertifikat lief ab.\n\nTimeline\n\n' +
      'ä'.repeat(59) + '\n\n' + 'é'.repeat(61) + '\n\nAction items\n\n- erneuern\n',
    'blank lines of other white space, a byte order mark, CRLF':
      '\uFEFF# 2: Störung\r\n\u00A0\r\n\u2003\r\n## D1: Team\r\n\r\n\u00A0Status\u00A0\r\n\r\n- **Status:** Offen\r\n',
    'front matter beyond ASCII': '---\ntype: postmortem\ntitle: Ausfall der Kühlung\nstatus: Geschlossen\n---\n\n## Zusammenfassung\n\nKühlung fiel aus.\n',
    'fences and comments holding text beyond ASCII': '# 3: Fehler\n\n```text ✓\n# kein Titel — nur Code\n```\n\n<!-- Kommentar ✓\n## versteckt\n-->\n## D1: Team ✓\n',
    'characters past the basic plane, and line separators inside a line': '# 4: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u2028 split\n\n## D1: 👩‍🔧 Team\n\n[𝔩𝔦𝔫𝔨](./0005-𝔵.md)\n',
  };
  for (const [name, text] of Object.entries(shapes)) {
    test(name, () => assert.deepEqual(scanReport(asBytes(text), '0009-x.md'), scanReport(text, '0009-x.md')));
  }

  test('corpus documents edited at random with lines beyond ASCII', () => {
    const pieces = ['', ' ', '\u00A0', '\u2003', 'Summary', '**Impact**', 'Root cause', 'Zusammenfassung — Überblick', '# Titel ✓', '## Timeline', '```', '~~~', '<!--', '-->', '- **Status:** Geöffnet', '[ä](./0002-ö.md)', 'é'.repeat(30), 'Action items', '\t', '---', '   ## D1: Équipe', '#', 'Ä', '😀 [x](./y.md)'];
    let seed = 0x8d;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    for (const path of markdownFiles(CORPUS)) {
      const original = readFileSync(path, 'utf8').split('\n');
      for (let round = 0; round < 20; round++) {
        const lines = [...original];
        for (let edit = 0; edit <= random(6); edit++) {
          const at = random(lines.length + 1);
          const piece = pieces[random(pieces.length)];
          [() => lines.splice(at, 1), () => lines.splice(at, 0, piece), () => lines.splice(at, 0, ''), () => (lines[at] = (lines[at] ?? '') + piece)][random(4)]();
        }
        const text = lines.join('\n');
        assert.deepEqual(scanReport(asBytes(text), path), scanReport(text, path), `${path}, round ${round}`);
      }
    }
  });

  test('a heading is read from its own report, whatever headings were read before it', () => {
    // Same length, and the same characters where the table of seen headings looks: only the whole text tells them apart.
    scanReport('# 1: A\n\n## D1: Team members\n');
    assert.deepEqual(scanReport('# 2: B\n\n## D1: Team xembers\n').headingTexts, ['2: B', 'D1: Team xembers']);
    // The bytes of `Ä` (C3 84) read as latin1 are `Ã` and U+0084: the text `Ã\u0084` must stay itself, and back.
    scanReport(asBytes('## Ä\n'));
    assert.deepEqual(scanReport('## Ã\u0084\n').headingTexts, ['Ã\u0084']);
    scanReport('## Ã\u0084\n');
    assert.deepEqual(scanReport(asBytes('## Ä\n')).headingTexts, ['Ä']);
  });
});

describe('reading files to scan', () => {
  test('ASCII files come as text; others as their bytes, which decode as fs.readFile decodes them', () => {
    const folder = mkdtempSync(join(tmpdir(), 'incident-docs-read-'));
    try {
      const files: Record<string, string> = {
        'ascii.md': '# 1: Plain\n',
        'utf8.md': '# 2: Überlauf – 🚒\n',
        'bom.md': '\uFEFF# 3: With a byte order mark\n',
        // Past the 1 MB buffer the reads share, with a character cut across the boundary.
        'large.md': '# 4: Large\n\n' + 'x'.repeat((1 << 20) - 13) + 'é and more\n'.repeat(3),
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
      writeFileSync(join(folder, 'invalid.md'), Buffer.from([0x23, 0x20, 0xff, 0xc3, 0x0a]));
      assert.equal(readFileToScan(join(folder, 'ascii.md')), files['ascii.md']);
      for (const name of ['utf8.md', 'bom.md', 'large.md', 'invalid.md']) {
        const content = readFileToScan(join(folder, name));
        assert.ok(content instanceof Utf8Bytes, name);
        assert.equal(content.text, readFileSync(join(folder, name), 'utf8'), name);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a file URI is read at the path fileURLToPath gives, whether or not it needs decoding', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'incident-docs-read-'));
    try {
      const names = ['0001-plain.md', 'with space.md', 'ümlaut – dash.md', '100%.md', 'a#b.md', 'q?x.md', '[brackets].md'];
      for (const name of names) writeFileSync(join(folder, name), `# ${name}\n`);
      const uris = names.map((name) => pathToFileURL(join(folder, name)).href);
      const folderUri = pathToFileURL(folder).href;
      uris.push(`${folderUri}/${encodeURIComponent('with space.md')}`, `${folderUri}/0001-plain.md?version=2#top`, `${folderUri}/./0001-plain.md`, `${folderUri}/sub/../0001-plain.md`);
      for (const uri of uris) assert.equal(pathOfFileUri(uri), fileURLToPath(uri), uri);
      assert.deepEqual((await nodeFileSystem.readFilesToScan(uris)).map((content) => content && textOf(content)), [...names.map((name) => `# ${name}\n`), '# with space.md\n', ...Array<string>(3).fill('# 0001-plain.md\n')]);
      assert.equal(pathOfFileUri('file:///a\\b.md'), fileURLToPath('file:///a\\b.md'));
      assert.throws(() => pathOfFileUri('https://example.com/a.md'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a file that cannot be read is undefined in its batch, the others are read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'incident-docs-read-'));
    try {
      writeFileSync(join(folder, 'a.md'), '# 1: A\n');
      const uris = ['a.md', 'vanished.md', 'a.md'].map((name) => pathToFileURL(join(folder, name)).href);
      assert.deepEqual(await nodeFileSystem.readFilesToScan(uris), ['# 1: A\n', undefined, '# 1: A\n']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

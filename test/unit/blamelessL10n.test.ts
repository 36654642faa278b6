// The messages of blameless-language, metadata-schema and metadata-timeline, and the front matter hover, are all in
// the German bundle: run with it, no message of theirs stays English. (Each test file runs in its own process, so
// configuring l10n here touches no other test.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { readSettings } from '../../server/src/settings';
import { ALL_RULES } from '../../server/src/rules';
import { SUGGESTIONS } from '../../server/src/model/blameless';
import { ROOT, documentOf } from '../support/fixtures';

const RULES = ['blameless-language', 'metadata-schema', 'metadata-timeline'];
const german = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;

test('every suggestion has its German', () => {
  for (const suggestion of Object.values(SUGGESTIONS)) assert.ok(suggestion in german, suggestion);
});

test('the findings on the fixtures and the hover are in German with the German bundle', () => {
  l10n.config({ contents: german });
  try {
    const service = createLanguageService();
    let seen = 0;
    for (const rule of RULES) {
      const folder = join(ROOT, 'test', 'fixtures', 'rules', rule);
      for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
        const settingsFile = join(folder, name.replace(/\.md$/, '.settings.json'));
        const flat = (readdirSync(folder).includes(name.replace(/\.md$/, '.settings.json')) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {}) as Record<string, unknown>;
        const section = { blamelessLanguage: { phrases: flat['incidentDocs.blamelessLanguage.phrases'], ignore: flat['incidentDocs.blamelessLanguage.ignore'] }, metadata: { severities: flat['incidentDocs.metadata.severities'] } };
        const settings = readSettings(section, ALL_RULES.map((r) => r.id), () => {});
        for (const { rule: { id }, finding } of service.check(documentOf(readFileSync(join(folder, name), 'utf8')), settings)) {
          if (!RULES.includes(id)) continue;
          seen++;
          assert.doesNotMatch(finding.message, /\b(?:is not|disagrees|has no|blaming|puts a person|ends the inquiry|did you mean)\b/, `${rule}/${name}: ${finding.message}`);
        }
      }
    }
    assert.ok(seen >= 10, `only ${seen} findings seen`);
    const hover = service.getHover(documentOf('---\nstarted: 2025-03-01T14:00Z\ndetected: 2025-03-01T14:37Z\n---\n\n# Post-mortem\n\n## Summary\nx\n\n## Root cause\ny\n\n## Timeline\n- 14:00 UTC: Outage begins\n'), { line: 2, character: 2 });
    assert.match((hover?.contents as MarkupContent).value, /Wann der Vorfall bemerkt wurde[\s\S]*Zeit bis zur Erkennung/);
  } finally {
    l10n.config({ contents: {} });
  }
});

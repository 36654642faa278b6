// The client and the server agree through server/src/protocol.ts: the client repeats none of its strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures';
import { CLIENT_COMMANDS, DIAGNOSTIC_SOURCE, INDEXING_NOTIFICATION, INSERT_MISSING_SECTIONS_COMMAND, SERVER_COMMANDS, SETTINGS_SECTION, UPDATE_LINKS_ON_RENAME } from '../../server/src/protocol';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[]; configuration: { properties: Record<string, unknown> } } };

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourcesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

test('the client\'s commands are the ones package.json declares', () => {
  const declared = manifest.contributes.commands.map((command) => command.command).sort();
  assert.deepEqual(Object.values(CLIENT_COMMANDS).sort(), declared);
});

test('the rename setting the client reads is declared under the settings section', () => {
  assert.ok(manifest.contributes.configuration.properties[`${SETTINGS_SECTION}.${UPDATE_LINKS_ON_RENAME}`]);
});

test('no client file spells out a string the protocol defines', () => {
  const shared = [...Object.values(CLIENT_COMMANDS), ...Object.values(SERVER_COMMANDS), INSERT_MISSING_SECTIONS_COMMAND, INDEXING_NOTIFICATION, DIAGNOSTIC_SOURCE, SETTINGS_SECTION, UPDATE_LINKS_ON_RENAME, 'markdown'];
  for (const file of sourcesUnder(join(ROOT, 'client', 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const value of shared) assert.ok(!text.includes(`'${value}'`) && !text.includes(`"${value}"`), `${file} spells out '${value}'`);
  }
});

test('the client takes from the server only the protocol and small pure modules', () => {
  const allowed = new Set(['protocol', 'processOptions', 'model/markdownFile', 'model/links']);
  for (const file of sourcesUnder(join(ROOT, 'client', 'src'))) {
    for (const [, module] of readFileSync(file, 'utf8').matchAll(/from '(?:\.\.\/)+server\/src\/([^']+)'/g)) assert.ok(allowed.has(module), `${file} imports server/src/${module}`);
  }
});

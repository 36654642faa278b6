// No two modules export different things under one name: a reader (and auto-import) must not have to ask which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as TypeScript from 'typescript';
import { ROOT } from '../support/fixtures';

// Loaded at run time, not bundled into the test: the compiler is large, and only this test uses it.
const ts = createRequire(join(ROOT, 'package.json'))('typescript') as typeof TypeScript;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every exported name of the modules, with the declarations it stands for (re-exports followed to what they export). */
function exportedDeclarations(files: string[], root = ROOT): Map<string, Map<TypeScript.Symbol, string>> {
  const program = ts.createProgram(files, { noEmit: true, allowJs: false, skipLibCheck: true, types: [], module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const byName = new Map<string, Map<TypeScript.Symbol, string>>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) continue;
    for (const exported of checker.getExportsOfModule(module)) {
      const original = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaredIn = original.declarations?.[0]?.getSourceFile().fileName ?? file;
      const symbols = byName.get(exported.name) ?? new Map<TypeScript.Symbol, string>();
      symbols.set(original, declaredIn.slice(root.length + 1));
      byName.set(exported.name, symbols);
    }
  }
  return byName;
}

function clashes(byName: Map<string, Map<TypeScript.Symbol, string>>): string[] {
  return [...byName].filter(([, symbols]) => symbols.size > 1).map(([name, symbols]) => `${name}: ${[...symbols.values()].sort().join(', ')}`);
}

test('no name is exported by two modules for two different things', () => {
  const files = [...sourcesUnder(join(ROOT, 'server', 'src')), ...sourcesUnder(join(ROOT, 'client', 'src'))];
  const byName = exportedDeclarations(files);
  assert.ok(byName.size > 100, `only ${byName.size} exported names found: the check is not reading the sources`);
  assert.deepEqual(clashes(byName), []);
});

test('the check tells a clash (functions, constants, types, classes) from a re-export of one thing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-names-'));
  const modules: Record<string, string> = {
    'a.ts': 'export function label(): string { return "a"; }\nexport interface Shape { x: number }\nexport class Reader {}\n',
    'b.ts': 'export const label = "b";\nexport type Shape = { y: number };\nexport { Reader } from "./a";\n',
    'c.ts': 'export { label } from "./a";\nimport { Reader as R } from "./a";\nexport { R as Reader };\ninterface Own { headingTexts: string[] }\nexport const own: Own = { headingTexts: [] };\n',
    'd.ts': 'export const own = 1;\nexport interface Evidence { headingTexts: string[] }\n',
  };
  for (const [name, text] of Object.entries(modules)) writeFileSync(join(dir, name), text);
  const files = Object.keys(modules).map((name) => join(dir, name));
  const found = clashes(exportedDeclarations(files, dir));
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(found.sort(), ['Shape: a.ts, b.ts', 'label: a.ts, b.ts', 'own: c.ts, d.ts']);
});

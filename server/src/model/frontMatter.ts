import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { Root, RootContent } from 'mdast';
import type { Range } from './position';
import { LineIndex } from './position';

export interface FrontMatterProblem {
  message: string;
  range: Range;
}

/** One top-level key of the front matter, where it and its value are written. */
export interface FrontMatterEntry {
  key: string;
  keyRange: Range;
  /** The value as data (`data[key]`). */
  value: unknown;
  /** Where the value is written; the key's range when it has none (`severity:` alone). */
  valueRange: Range;
}

export interface FrontMatter {
  /** The mapping's values; empty when there is no front matter or it is not a mapping. */
  data: Record<string, unknown>;
  /** The mapping's top-level keys in the order written, with their places (for checks and hovers on one key). */
  entries: FrontMatterEntry[];
  /** Where the block's content starts: the line after the opening fence. */
  contentStart: number;
  /** Range of the whole block, fences included. */
  range: Range;
  problems: FrontMatterProblem[];
}

/** TOML front matter (`+++`, as Hugo and Zola write it); mdast's types know only YAML's node. */
interface TomlNode {
  type: 'toml';
  value: string;
  position?: RootContent['position'];
}

export function isTomlNode(node: { type: string } | undefined): node is TomlNode {
  return node?.type === 'toml';
}

/** Whether a root child is the front matter block, YAML or TOML. */
export function isFrontMatterNode(node: { type: string }): boolean {
  return node.type === 'yaml' || node.type === 'toml';
}

/** Reads the YAML or TOML front matter block that remark-frontmatter found, if any. Never throws. */
export function readFrontMatter(tree: Root, lines: LineIndex): FrontMatter | undefined {
  const node = tree.children[0];
  if (isTomlNode(node)) return readTomlFrontMatter(node, lines);
  if (!node || node.type !== 'yaml' || !node.position) return undefined;
  const blockStart = node.position.start.offset ?? 0;
  const blockEnd = node.position.end.offset ?? blockStart;
  // The YAML content starts on the line after the opening fence.
  const contentStart = lines.lineStart(lines.positionAt(blockStart).line + 1);
  const range = lines.range(blockStart, blockEnd);
  const problems: FrontMatterProblem[] = [];

  const document = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  for (const error of document.errors) {
    const [from, to] = error.pos;
    const start = contentStart + Math.min(from, node.value.length);
    const end = contentStart + Math.min(Math.max(to, from + 1), node.value.length);
    problems.push({ message: `Front matter: ${firstLine(error.message)}`, range: lines.range(start, Math.max(end, start)) });
  }

  let data: Record<string, unknown> = {};
  let value: unknown;
  try {
    value = document.toJS();
  } catch {
    value = undefined; // toJS can throw on documents with errors; those are already reported.
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    data = value as Record<string, unknown>;
  } else if (value !== undefined && value !== null && problems.length === 0) {
    problems.push({ message: 'Front matter should be a mapping of keys to values (for example `type: 8d`).', range });
  }
  return { data, entries: yamlEntries(document, data, (from, to) => lines.range(contentStart + from, contentStart + to)), range, contentStart, problems };
}

/** The top-level keys of a YAML mapping and the ranges they and their values are written at. */
function yamlEntries(document: Document, data: Record<string, unknown>, span: (from: number, to: number) => Range): FrontMatterEntry[] {
  if (!isMap(document.contents)) return [];
  const entries: FrontMatterEntry[] = [];
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const keyRange = span(pair.key.range[0], pair.key.range[1]);
    // Every YAML node has a range ([start, value end, node end]); the pair's value is typed `unknown`.
    const valueNode = pair.value as { range?: [number, number, number] } | null;
    const valueRange = valueNode?.range && valueNode.range[1] > valueNode.range[0] ? span(valueNode.range[0], valueNode.range[1]) : keyRange;
    entries.push({ key, keyRange, value: data[key], valueRange });
  }
  return entries;
}

function readTomlFrontMatter(node: TomlNode, lines: LineIndex): FrontMatter | undefined {
  if (!node.position) return undefined;
  const blockStart = node.position.start.offset ?? 0;
  const range = lines.range(blockStart, node.position.end.offset ?? blockStart);
  const contentStart = lines.lineStart(lines.positionAt(blockStart).line + 1);
  const data = tomlData(node.value);
  if (data instanceof TomlError) {
    // TomlError counts lines and columns from 1 within the block's content, which starts on the line after `+++`.
    const line = lines.positionAt(blockStart).line + Math.max(1, data.line);
    const start = lines.lineStart(Math.min(line, lines.lineCount - 1)) + Math.max(0, data.column - 1);
    return { data: {}, entries: [], range, contentStart, problems: [{ message: `Front matter (TOML): ${firstLine(data.message)}`, range: lines.range(start, start + 1) }] };
  }
  return { data, entries: tomlEntries(node.value, data, contentStart, lines), range, contentStart, problems: [] };
}

// `key = value` at the start of a line: a TOML table's keys come after its `[table]` line, which ends the top level.
const TOML_KEY_LINE = /^([A-Za-z0-9_-]{1,100})([ \t]{0,20}=[ \t]{0,20})(.*?)\s*$/;

/** The top-level keys of a TOML block, found line by line (smol-toml gives values, not places). */
function tomlEntries(text: string, data: Record<string, unknown>, contentStart: number, lines: LineIndex): FrontMatterEntry[] {
  const entries: FrontMatterEntry[] = [];
  let lineStart = contentStart;
  for (const line of text.split('\n')) {
    if (line.startsWith('[')) break;
    const match = TOML_KEY_LINE.exec(line);
    if (match && match[1] in data) {
      const keyRange = lines.range(lineStart, lineStart + match[1].length);
      const valueStart = lineStart + match[1].length + match[2].length;
      const valueRange = match[3] ? lines.range(valueStart, valueStart + match[3].length) : keyRange;
      entries.push({ key: match[1], keyRange, value: data[match[1]], valueRange });
    }
    lineStart += line.length + 1;
  }
  return entries;
}

/** The values of a TOML block, or the error that stops it. */
export function tomlData(text: string): Record<string, unknown> | TomlError {
  try {
    return parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) return error;
    return new TomlError(String(error), { toml: text, ptr: 0 });
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/** A front-matter value as text, or undefined when absent or not a scalar. */
export function frontMatterText(frontMatter: FrontMatter | undefined, key: string): string | undefined {
  const value = frontMatter?.data[key];
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

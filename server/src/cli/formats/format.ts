/** What every output format is given, and the names `--format` takes. */
import type { RuleInfo } from '../../rules/rule';
import type { CheckOutcome } from '../engine';

export interface ToolInfo {
  name: string;
  version: string;
  /** The tool's home page. */
  informationUri: string;
  /** Where the rules' pages are: `<rulesUri>/<rule-id>.md`. */
  rulesUri: string;
}

export interface FormatInput {
  /** The findings to print (hints already left out unless asked for). */
  outcome: CheckOutcome;
  /** Absolute paths of the Markdown files read and checked, in order (the clean ones too). */
  checked: readonly string[];
  /** Paths in the text format are relative to this folder (where the command was run). */
  cwd: string;
  /** Paths in the SARIF, GitHub and JUnit formats are relative to this folder (the repository's root). */
  root: string;
  tool: ToolInfo;
  rules: readonly RuleInfo[];
}

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

/** The output formats by the name `--format` takes: each a pure function from the check's outcome to text. */
import type { FormatInput, FormatName } from './format';
import { formatText } from './text';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatGithub } from './github';
import { formatJunit } from './junit';

export const FORMATTERS: Record<FormatName, (input: FormatInput) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

export { FORMATS, isFormatName, type FormatInput, type FormatName, type ToolInfo } from './format';

/**
 * The files 8d-tools keeps beside the reports: `.8d-dir` (the report folder's path) and `.8d-sequence.lock`
 * (the last report number). When they are broken, `8d new` and our New Report command cannot number reports,
 * and the index does not know where reports live: each problem is said on the file, where it can be fixed.
 */
import type { FileSystem } from '../workspace/fileSystem';
import type { Range } from '../model/position';
import type { FolderCheck, FolderRule, FolderRuleContext, Severity } from './rule';

export const reportFolder: FolderRule = {
  id: 'report-folder',
  description: '`.8d-dir` and `.8d-sequence.lock` hold what 8d-tools needs to find and number reports.',
  defaultSeverity: 'error',
  severityNote: 'warning when a file points at something missing or out of date',
  appliesTo: '`.8d-dir` at the root of each workspace folder, and `.8d-sequence.lock` in the report folder it names',
  checkFolder: checkReportFolder,
};

type Read = { text: string } | { folder: true } | { missing: true };

async function read(fs: FileSystem, uri: string): Promise<Read> {
  try {
    return { text: await fs.readFile(uri) };
  } catch {
    try {
      await fs.readDirectory(uri);
      return { folder: true };
    } catch {
      return { missing: true };
    }
  }
}

/** What is wrong with `.8d-dir` at `root` and with the lock file of the folder it names; nothing when all is well or absent. */
async function checkReportFolder(root: string, { fs, workspace: index }: FolderRuleContext): Promise<FolderCheck> {
  const health: FolderCheck = { findings: [], messages: [] };
  root = root.replace(/\/$/, '');
  const dirUri = `${root}/.8d-dir`;
  const dirFile = await read(fs, dirUri);
  if ('folder' in dirFile) {
    health.messages.push('.8d-dir is a folder, but 8d-tools expects a file holding the path of the report folder (such as doc/8d): replace it with such a file.');
    return health;
  }
  if ('missing' in dirFile) return health;
  const problem = (severity: Severity, message: string, uri = dirUri, text = dirFile.text) =>
    health.findings.push({ uri, severity, message, range: firstLineRange(text) });
  const lines = dirFile.text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  const directory = lines[0]?.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') ?? '';
  if (lines.length === 0) {
    problem('error', '.8d-dir is empty: it should hold the path of the report folder, such as doc/8d (as `8d init` writes it).');
    return health;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for: no path holds them
  if (lines.length > 1 || /[\u0000-\u001f\u007f\ufffd]/.test(lines[0])) {
    problem('error', `.8d-dir should hold one folder path, such as doc/8d, but holds ${lines.length > 1 ? `${lines.length} lines` : 'characters that cannot be in a path'}.`);
    return health;
  }
  if (directory.startsWith('/') || /^[a-z]:/i.test(directory) || directory.split('/').includes('..')) {
    problem('error', `.8d-dir names "${lines[0].trim()}", which is outside the workspace folder: reports are only looked for, and made, inside it.`);
    return health;
  }
  const folderUri = `${root}/${directory.split('/').map(encodeURIComponent).join('/')}`;
  const folder = await read(fs, folderUri);
  if (!('folder' in folder)) {
    problem('warning', `.8d-dir names "${directory}", but there is no such folder: create it with "Incident Docs: Initialize Report Folder", or fix the path.`);
    return health;
  }

  const lockUri = `${folderUri}/.8d-sequence.lock`;
  const lock = await read(fs, lockUri);
  if ('folder' in lock) {
    health.messages.push(`${directory}/.8d-sequence.lock is a folder, but 8d-tools expects a file holding the number of the last report: replace it with such a file.`);
    return health;
  }
  if ('missing' in lock) return health;
  const value = lock.text.trim();
  if (!/^\d+$/.test(value)) {
    const first = value.split(/\r\n|\r|\n/)[0];
    const shown = first.length > 20 || first.length < value.length ? `${first.slice(0, 20)}…` : first;
    const held = value === '' ? 'is empty' : `holds "${shown}"`;
    problem('error', `.8d-sequence.lock should hold the number of the last report (new reports are numbered after it), but ${held}.`, lockUri, lock.text);
    return health;
  }
  const last = Number(value);
  const taken = index?.reportsUnder(folderUri).filter((report) => report.number !== undefined && report.number > last) ?? [];
  const highest = taken.reduce((best, report) => Math.max(best, report.number!), last);
  if (taken.length > 0) {
    const name = decodeURIComponent(taken.find((report) => report.number === highest)!.uri.replace(/^.*\//, ''));
    problem('warning', `.8d-sequence.lock says the last report is ${last}, but ${name} exists: the next new report would be numbered ${last + 1}, a number already taken. Set it to ${highest}.`, lockUri, lock.text);
  }
  return health;
}

function firstLineRange(text: string): Range {
  const line = text.split(/\r\n|\r|\n/)[0] ?? '';
  return { start: { line: 0, character: 0 }, end: { line: 0, character: line.length } };
}

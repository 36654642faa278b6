import { EditBuilder, joinUri, type CommandContext, type CommandResult } from './context';
import { checkDirectory, checkInside } from './reportFolder';

export const DEFAULT_DIRECTORY = 'docs/8d';

/** 8d-tools' `8d init`: the README it writes, word for word, so both tools keep the same index. */
export const INDEX_README = `# 8D Problem-Solving Reports

This directory contains Eight Disciplines (8D) problem-solving reports.

## Reports

No reports have been created yet. Use \`8d new "Problem Title"\` to create your first report.

## About 8D

The Eight Disciplines (8D) is a problem-solving methodology designed to find the root cause of a problem, devise a short-term fix and implement a long-term solution to prevent recurring problems.

The eight disciplines are:
- **D0**: Plan and prepare
- **D1**: Form a team
- **D2**: Identify the problem
- **D3**: Develop interim containment plan
- **D4**: Verify root causes and escape points
- **D5**: Choose permanent corrective actions
- **D6**: Implement corrective actions
- **D7**: Take preventive measures
- **D8**: Celebrate with your team
`;

/**
 * `.8d-dir` (the folder path, no trailing newline), the folder with `.8d-sequence.lock` (`0`), its README with a
 * `## Reports` section, and `.templates/` (kept by an empty `.gitkeep`: an edit cannot create an empty folder).
 * Changes nothing when `.8d-dir` exists.
 */
export async function initialize(context: CommandContext, args: { folder: string; directory?: string }): Promise<CommandResult> {
  const existing = await context.readText(joinUri(args.folder, '.8d-dir'));
  if (existing !== undefined) return { ok: false, message: `This workspace already has a report folder: ${existing.trim()} (named in .8d-dir). Nothing was changed.` };
  const directory = checkDirectory(args.directory ?? DEFAULT_DIRECTORY);
  const dir = joinUri(args.folder, directory);
  await checkInside(context, args.folder, dir, `The folder ${directory}`);
  for (const file of ['.8d-sequence.lock', 'README.md']) {
    if ((await context.readText(joinUri(dir, file))) !== undefined) {
      return { ok: false, message: `${directory}/${file} already exists: it was not overwritten. Write "${directory}" into .8d-dir to use that folder.` };
    }
  }
  const edit = new EditBuilder()
    .create(joinUri(args.folder, '.8d-dir'), directory)
    .create(joinUri(dir, '.8d-sequence.lock'), '0')
    .create(joinUri(dir, 'README.md'), INDEX_README)
    .create(joinUri(dir, '.templates', '.gitkeep'), '')
    .build();
  return { ok: true, message: `Report folder ${directory} created.`, edit, open: { uri: joinUri(dir, 'README.md'), line: 0, character: 0 } };
}

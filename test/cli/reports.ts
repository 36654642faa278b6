/** Small 8D reports written line by line, for the CLI tests that need a folder of their own. */
const DISCIPLINES = ['Plan and prepare', 'Form a team', 'Describe the problem', 'Interim containment action', 'Root cause', 'Permanent corrective action', 'Implementation plan', 'Prevent recurrence', 'Recognise the team'];

/** A filled 8D report numbered `number`, with its `## Links` items, leaving out the disciplines in `without`. */
export function eightDReport(number: number, title: string, links: string[] = [], without: number[] = []): string {
  const lines = [`# ${number}: ${title}`, '', `- **Date:** 2025-01-0${number}`, '- **Status:** Open', ''];
  if (links.length > 0) lines.push('## Links', '', ...links, '');
  DISCIPLINES.forEach((name, index) => {
    if (!without.includes(index)) lines.push(`## D${index}: ${name}`, '', `Work done for D${index} of report ${number}.`, '');
  });
  return lines.join('\n');
}

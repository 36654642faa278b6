import type { Rule } from './rule';

export const frontMatter: Rule = {
  id: 'front-matter',
  description: 'YAML front matter parses.',
  defaultSeverity: 'error',
  kinds: ['8d', 'postmortem'],
  check(report) {
    return (report.frontMatter?.problems ?? []).map((problem) => ({ message: problem.message, range: problem.range }));
  },
};

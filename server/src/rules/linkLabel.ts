import type { Finding, Rule } from './rule';
import type { FixData } from './fix';
import { resolvedLinks } from './linkTargets';
import { reportLabel } from '../model/reportLabel';

export const linkLabel: Rule = {
  id: 'link-label',
  description: "A link's label (`1: Title`) matches the number and title of the report it points at.",
  defaultSeverity: 'information',
  quickFix: '*Update label to "…"*',
  kinds: ['8d', 'postmortem'],
  check(report, { uri, workspace }) {
    if (!workspace || !uri) return [];
    const findings: Finding[] = [];
    for (const { link, target } of resolvedLinks(report, uri, workspace)) {
      const label = /^\s*(\d+)\s*:\s*(.*?)\s*$/.exec(link.label);
      if (!label || !target || target.title === undefined || target.number === undefined) continue;
      if (Number(label[1]) === target.number && label[2] === target.title) continue;
      const padded = label[1].length > 1 && label[1].startsWith('0');
      const current = reportLabel(target, { padded });
      findings.push({
        message: `The label "${link.label}" does not match the report's title "${current}"`,
        range: link.labelRange,
        data: { fix: { title: `Update label to "${current}"`, edits: [{ range: link.labelRange, newText: current }] } } satisfies FixData,
      });
    }
    return findings;
  },
};

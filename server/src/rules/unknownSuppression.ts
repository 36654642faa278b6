import type { Finding, Rule } from './rule';
import type { FixData } from './fix';
import type { Range } from '../model/position';
import { readSuppressions, SUPPRESSION_FORMS, SUPPRESSION_PREFIX } from '../model/suppressions';

export const unknownSuppression: Rule = {
  id: 'unknown-suppression',
  description: 'A suppression comment names rules that exist, in one of its four forms.',
  defaultSeverity: 'warning',
  quickFix: '*Change to missing-section* when a rule id is near what was written',
  kinds: ['8d', 'postmortem'],
  check(report, context) {
    const findings: Finding[] = [];
    for (const comment of readSuppressions(report).comments) {
      if (!comment.form) {
        const nearest = nearestOf(comment.formText, SUPPRESSION_FORMS);
        const written = `${SUPPRESSION_PREFIX}${comment.formText}`;
        findings.push(withFix({
          message: nearest
            ? `"${written}" is no suppression comment: did you mean ${SUPPRESSION_PREFIX}${nearest}?`
            : `"${written}" is no suppression comment: write ${SUPPRESSION_FORMS.map((form) => SUPPRESSION_PREFIX + form).join(', ')}`,
          range: comment.formRange,
        }, nearest));
        continue;
      }
      // Without the known ids (a rule run on its own), nothing can be said of the ids.
      const known = context.ruleIds;
      if (!known) continue;
      for (const { id, range } of comment.ids) {
        if (known.includes(id)) continue;
        const nearest = nearestOf(id, known);
        findings.push(withFix({
          message: nearest
            ? `"${id}" is no rule: did you mean ${nearest}?`
            : `"${id}" is no rule: the rules are ${[...known].sort().join(', ')}`,
          range,
        }, nearest));
      }
    }
    return findings;
  },
};

function withFix(finding: { message: string; range: Range }, nearest: string | undefined): Finding {
  if (!nearest) return finding;
  const data: FixData = { fix: { title: `Change to ${nearest}`, edits: [{ range: finding.range, newText: nearest }] } };
  return { ...finding, data };
}

/** Longer words are no misspelling of an id: and the distance below is quadratic in their length. */
const MAX_WORD_LENGTH = 60;

/** The candidate a word is most likely a misspelling of: at most a third of its letters (and at least 2) away. */
function nearestOf(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_WORD_LENGTH) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, adjacent transpositions counting once (`sectoin`). */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

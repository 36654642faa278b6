import type { Finding, Rule } from './rule';
import type { DisciplineSection } from '../model/report';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'Disciplines stand in order, D0 to D8.',
  defaultSeverity: 'warning',
  kinds: ['8d'],
  check(report) {
    const sequence = firstOccurrences(report.disciplines);
    const sorted = [...sequence].sort((a, b) => a.number - b.number);
    const displaced = sequence.map((d, i) => (d.number !== sorted[i].number ? i : -1)).filter((i) => i >= 0);
    if (displaced.length === 0) return [];
    if (displaced.length === 2) return swapped(sequence[displaced[0]], sequence[displaced[1]]);
    const inOrder = longestIncreasingRun(sequence);
    return sequence.filter((d) => !inOrder.has(d)).map((d) => {
      const precede = sequence.find((other) => other.number > d.number && other.heading.start < d.heading.start);
      if (precede) return misplaced(d, precede);
      // Nothing higher stands before it: it is too early, and belongs after the last lower one that follows it.
      const follow = [...sequence].reverse().find((other) => other.number < d.number && other.heading.start > d.heading.start)!;
      return tooEarly(d, follow);
    });
  },
};

function name(d: DisciplineSection): string {
  return `D${d.number}`;
}

/** Two disciplines that trade places: one finding on each, pointing at the other. */
function swapped(first: DisciplineSection, second: DisciplineSection): Finding[] {
  return [
    {
      message: `${name(first)} and ${name(second)} are swapped: ${name(first)} should come after ${name(second)} (line ${second.heading.line + 1})`,
      range: first.heading.range,
      related: [{ range: second.heading.range, message: `${name(second)} is here` }],
    },
    {
      message: `${name(second)} and ${name(first)} are swapped: ${name(second)} should come before ${name(first)} (line ${first.heading.line + 1})`,
      range: second.heading.range,
      related: [{ range: first.heading.range, message: `${name(second)} should precede this heading` }],
    },
  ];
}

function misplaced(d: DisciplineSection, shouldPrecede: DisciplineSection): Finding {
  return {
    message: `${name(d)} appears after ${name(shouldPrecede)}: move it before ${name(shouldPrecede)} (line ${shouldPrecede.heading.line + 1})`,
    range: d.heading.range,
    related: [{ range: shouldPrecede.heading.range, message: `${name(d)} should precede this heading` }],
  };
}

function tooEarly(d: DisciplineSection, shouldFollow: DisciplineSection): Finding {
  return {
    message: `${name(d)} appears before ${name(shouldFollow)}: move it after ${name(shouldFollow)} (line ${shouldFollow.heading.line + 1})`,
    range: d.heading.range,
    related: [{ range: shouldFollow.heading.range, message: `${name(d)} should follow this heading` }],
  };
}

function firstOccurrences(disciplines: DisciplineSection[]): DisciplineSection[] {
  const seen = new Set<number>();
  return disciplines.filter((d) => !seen.has(d.number) && seen.add(d.number));
}

/** The longest subsequence already in order: everything outside it is what moved. */
function longestIncreasingRun(sequence: DisciplineSection[]): Set<DisciplineSection> {
  const length = sequence.map(() => 1);
  const previous = sequence.map(() => -1);
  for (let i = 0; i < sequence.length; i++) {
    for (let j = 0; j < i; j++) {
      if (sequence[j].number < sequence[i].number && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  }
  let end = length.indexOf(Math.max(...length));
  const run = new Set<DisciplineSection>();
  while (end >= 0) {
    run.add(sequence[end]);
    end = previous[end];
  }
  return run;
}

import * as l10n from '@vscode/l10n';
import type { Finding, Rule } from './rule';
import { checkMetadata, describeScale, type MetadataProblem } from '../model/metadataSchema';

/** The statuses a message suggests: the usual ones, not the whole list the schema accepts. */
const SUGGESTED_STATUSES = 'draft, in progress, in review, resolved, closed, final, published';
const EXAMPLE_TIME = '2025-03-01T14:07Z';

export const metadataSchema: Rule = {
  id: 'metadata-schema',
  description: 'The front matter keys severity, status, incident-id, started, detected, mitigated, resolved, owner and services hold what they should.',
  defaultSeverity: 'information',
  severityNote: 'hint for a near-miss of a key, an empty value, a time without its zone, and a severity or status outside the usual ones',
  options: {
    'metadata.severities': {
      type: 'array',
      items: { type: 'string' },
      default: [],
      markdownDescription: 'The severities front matter `severity` may take, for a team with its own scale (`["critical", "major", "minor"]`). Empty: `SEV1`–`SEV5` and `P0`–`P4`, written any way (`Sev-2`, `sev2`).',
    },
  },
  kinds: ['postmortem'],
  check(report, { settings }) {
    return checkMetadata(report.frontMatter, settings.metadataSeverities).map(findingOf);
  },
};

function findingOf(problem: MetadataProblem): Finding {
  const { entry } = problem;
  const written = typeof entry.value === 'string' ? entry.value.trim() : String(entry.value);
  switch (problem.kind) {
    case 'empty':
      return { message: l10n.t('The front matter key "{0}" has no value: fill it in or remove the key', entry.key), range: entry.keyRange, severity: 'hint' };
    case 'unknown-severity':
      return problem.ownScale
        ? { message: l10n.t('Severity "{0}" is not one of {1} (incidentDocs.metadata.severities)', problem.value, describeScale(problem.scale)), range: entry.valueRange }
        : { message: l10n.t('Severity "{0}" is not one of {1} (set incidentDocs.metadata.severities for your own)', problem.value, describeScale(problem.scale)), range: entry.valueRange, severity: 'hint' };
    case 'unknown-status':
      return { message: l10n.t('Status "{0}" is not a usual status such as {1}', problem.value, SUGGESTED_STATUSES), range: entry.valueRange, severity: 'hint' };
    case 'not-a-time':
      return { message: l10n.t('{0} "{1}" is not a time: write an ISO date-time with its zone ({2}) or a date (2025-03-01)', entry.key, written, EXAMPLE_TIME), range: entry.valueRange };
    case 'time-without-zone':
      return { message: l10n.t('{0} "{1}" has no time zone: add one ({2}, or an offset such as +01:00)', entry.key, written, EXAMPLE_TIME), range: entry.valueRange, severity: 'hint' };
    case 'wrong-shape':
      return { message: shapeMessage(problem), range: entry.valueRange };
    case 'out-of-order':
      return {
        message: l10n.t('{0} ({1}) is before {2} ({3}): an incident is started, detected, mitigated and resolved in that order', entry.key, written, problem.before.entry.key, String(problem.before.entry.value).trim()),
        range: entry.valueRange,
        related: [{ range: problem.before.entry.valueRange, message: l10n.t('{0} is here', problem.before.entry.key) }],
      };
    case 'near-miss':
      return { message: l10n.t('"{0}" is not a key of the metadata schema: did you mean "{1}"?', entry.key, problem.key.name), range: entry.keyRange, severity: 'hint' };
  }
}

function shapeMessage(problem: Extract<MetadataProblem, { kind: 'wrong-shape' }>): string {
  const key = problem.entry.key;
  switch (problem.key.shape) {
    case 'people':
      return l10n.t('"{0}" should be a name or a list of names', key);
    case 'names':
      return l10n.t('"{0}" should be a service name or a list of service names', key);
    default:
      return l10n.t('"{0}" should be one value, not a list or a mapping', key);
  }
}

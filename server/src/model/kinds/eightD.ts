/**
 * The 8D discipline catalogue: numbers and the titles each template family uses.
 * Pure data plus the tolerant recognition of discipline headings.
 */

export type TitleFamily = 'simple' | 'default' | 'ford';

export const TITLE_FAMILIES: readonly TitleFamily[] = ['simple', 'default', 'ford'];

export interface Discipline {
  number: number;
  titles: Record<TitleFamily, string>;
}

export const DISCIPLINES: readonly Discipline[] = [
  { number: 0, titles: { simple: 'Planning', default: 'Plan and prepare', ford: 'Prepare for the Global 8D Process' } },
  { number: 1, titles: { simple: 'Team members', default: 'Form a team', ford: 'Establish the Team' } },
  { number: 2, titles: { simple: 'Problem statement & description', default: 'Identify the problem', ford: 'Describe the Problem' } },
  { number: 3, titles: { simple: 'Interim containment action', default: 'Develop interim containment plan', ford: 'Develop Interim Containment Actions' } },
  { number: 4, titles: { simple: 'Root cause & escape points', default: 'Verify root causes and escape points', ford: 'Define and Verify Root Cause and Escape Point' } },
  { number: 5, titles: { simple: 'Permanent corrective action', default: 'Choose permanent corrective actions', ford: 'Choose and Verify Permanent Corrective Actions' } },
  { number: 6, titles: { simple: 'Implementation plan', default: 'Implement corrective actions', ford: 'Implement and Validate Permanent Corrective Actions' } },
  { number: 7, titles: { simple: 'Preventive measures', default: 'Take preventive measures', ford: 'Prevent Recurrence' } },
  { number: 8, titles: { simple: 'Review & closure', default: 'Celebrate with your team', ford: 'Recognize Team and Individual Contributions' } },
];

/** How a heading names its discipline: `D3: Title`, `d0 - Title`, `Discipline 6: Title`, `D8) Title` … */
export interface DisciplineLabel {
  number: number;
  /** The label as written, e.g. `D3`, `d0`, `Discipline 6`. */
  label: string;
  /** What stands between the label and the title, e.g. `: `, ` - `, `. ` (empty for a bare `D3`). */
  separator: string;
  title: string;
}

// `D3`, `D 3` or `Discipline 3`, not followed by another letter or digit (so `D30` and `D3x` are not disciplines),
// then an optional separator, then the title.
const LABEL = /^\s*((?:D\s?|Discipline\s+)([0-8]))(?![0-9A-Za-z])(\s*(?:[:.|)\u2013\u2014]|-{1,2})?\s*)(.*)$/i;

export function readDisciplineLabel(headingText: string): DisciplineLabel | undefined {
  const match = LABEL.exec(headingText);
  if (!match) return undefined;
  const [, label, digit, separator, title] = match;
  return { number: Number(digit), label, separator: title ? separator : separator.trimEnd(), title: title.trim() };
}

/** Titles compare case-insensitively, ignoring parentheticals, punctuation and spacing. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ') // `[^()]`: an unclosed ( must not make this quadratic
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const NORMALIZED = DISCIPLINES.map((discipline) =>
  Object.fromEntries(TITLE_FAMILIES.map((family) => [family, normalizeTitle(discipline.titles[family])])) as Record<TitleFamily, string>,
);

/** The family whose title for this discipline the given title is, if any. */
export function familyOfTitle(number: number, title: string): TitleFamily | undefined {
  const normalized = normalizeTitle(title);
  return TITLE_FAMILIES.find((family) => NORMALIZED[number][family] === normalized);
}

/** Disciplines (other than `number`) whose catalogue title the given title is. */
export function otherDisciplinesTitled(number: number, title: string): Discipline[] {
  if (familyOfTitle(number, title)) return [];
  const normalized = normalizeTitle(title);
  return DISCIPLINES.filter((discipline) => discipline.number !== number && TITLE_FAMILIES.some((family) => NORMALIZED[discipline.number][family] === normalized));
}

export function disciplineTitle(number: number, family: TitleFamily): string {
  return DISCIPLINES[number].titles[family];
}

/** A discipline as a report has it: its number and the title its heading gives it. */
export interface PresentDiscipline {
  number: number;
  title: string;
}

/**
 * Whether a report's disciplines are an original 8D form (Ford's 8D before Global 8D added D0, VDA's 8D): no D0
 * and most of D1–D8. Such a form does not need D0. A report that has D0, or whose titles are mostly 8d-tools' (its
 * templates all have D0, so a report made from one has lost it), still needs it.
 */
export function isOriginalLayout(disciplines: readonly PresentDiscipline[]): boolean {
  if (disciplines.some((d) => d.number === 0)) return false;
  const numbers = new Set(disciplines.map((d) => d.number));
  if (numbers.size < ORIGINAL_LAYOUT_MIN_DISCIPLINES) return false;
  const eightDTools = disciplines.filter((d) => EIGHT_D_TOOLS_FAMILIES.has(familyOfTitle(d.number, d.title))).length;
  return eightDTools * 2 <= disciplines.length;
}

/** "Most of" D1–D8. */
const ORIGINAL_LAYOUT_MIN_DISCIPLINES = 5;
const EIGHT_D_TOOLS_FAMILIES: ReadonlySet<TitleFamily | undefined> = new Set(['simple', 'default']);

/** The disciplines a report with these disciplines must have: D0–D8, or D1–D8 for an original form. */
export function requiredDisciplines(disciplines: readonly PresentDiscipline[]): Discipline[] {
  return isOriginalLayout(disciplines) ? DISCIPLINES.filter((d) => d.number !== 0) : [...DISCIPLINES];
}

export type MetadataFieldName = 'number' | 'date' | 'status';

/**
 * The labels forms give a report's number, date and status (normalised by `normalizeFieldLabel`: lower case,
 * `No.`/`#`/`Nr.` read as "number", punctuation and emphasis dropped). Front matter keys are read the same way.
 */
export const METADATA_LABELS: Readonly<Record<MetadataFieldName, readonly string[]>> = {
  number: [
    '8D Number', '8D No.', '8D #', '8D ID', '8D Report Number', '8D Reference', 'Report Number', 'Report No.', 'Report #', 'Report ID',
    'Report Reference', 'Reference Number', 'Ref. No.', 'Complaint Number', 'Complaint No.', 'Complaint #', 'Complaint ID', 'Case Number',
    'Case ID', 'Document Number', 'Document No.', 'Problem Number', 'Problem ID', 'CAPA Number', 'CAR Number', 'NCR Number', 'Number', 'ID',
    // VDA forms in German
    '8D-Bericht Nr.', 'Berichtsnummer', 'Bericht Nr.', 'Reklamationsnummer', 'Reklamation Nr.',
  ],
  date: [
    'Date', 'Date Initiated', 'Initiated', 'Initiation Date', 'Date Opened', 'Opened', 'Open Date', 'Opening Date', 'Opened On', 'Report Date',
    'Date of Report', 'Date Reported', 'Reported', 'Reported On', 'Date Raised', 'Raised On', 'Date Created', 'Created', 'Created On',
    'Creation Date', 'Issue Date', 'Date Issued', 'Start Date', 'Date Started', 'Complaint Date', 'Date of Complaint',
    'Datum', 'Erstellt am', 'Eröffnet am', 'Berichtsdatum',
  ],
  status: ['Status', 'Report Status', '8D Status', 'Current Status', 'State', 'Report State', 'Bearbeitungsstatus'],
};

/** A label as the vocabulary is keyed: `**8D No.:**` → `8d number`, `Report_ID` → `report id`. */
export function normalizeFieldLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[*_`]/g, ' ')
    .replace(/#/g, ' number ')
    .replace(/\b(?:no|nr|num)\b\.?/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const FIELD_BY_LABEL: ReadonlyMap<string, MetadataFieldName> = new Map(
  (Object.entries(METADATA_LABELS) as [MetadataFieldName, readonly string[]][]).flatMap(([field, labels]) => labels.map((label) => [normalizeFieldLabel(label), field] as const)),
);

/** Longest label in the vocabulary, normalised: longer text is never a label. */
export const METADATA_LABEL_MAX_LENGTH = Math.max(...[...FIELD_BY_LABEL.keys()].map((label) => label.length)) + 8;

/** The metadata field a form label names, if any. */
export function metadataFieldOfLabel(label: string): MetadataFieldName | undefined {
  // `{{date}}: Creation date` documents a placeholder; it is no label.
  if (label.length > METADATA_LABEL_MAX_LENGTH * 2 || /[{}[\]<>|()]/.test(label)) return undefined;
  return FIELD_BY_LABEL.get(normalizeFieldLabel(label));
}

/** What forms put before a report's number in a title: `8D-2024-017`, `NCR 4411`, `8D Report No. 17`. */
export const REPORT_ID_PREFIXES: readonly string[] = ['8D', 'G8D', 'NCR', 'CAR', 'SCAR', 'CAPA'];

// A prefix, maybe "Report" and a number word, then a token that starts with a digit (`8D-2024-017`, `#17`, `No. 17`).
const TITLE_NUMBER = new RegExp(
  `(?:\\b(?:${REPORT_ID_PREFIXES.join('|')})\\b[ \\t#-]{0,3}(?:Report[ \\t]{1,3})?(?:No\\.?|Nr\\.?|Number|#)?[ \\t:#-]{0,3}|(?:No\\.|Nr\\.|#)[ \\t]{0,2})\\d[\\w./-]{0,30}`,
  'i',
);

/** The report number a form writes in its title (`# 8D-2024-017: Cracked housing`): where it starts and ends in the text. */
export function readTitleNumber(title: string): { start: number; end: number } | undefined {
  const match = TITLE_NUMBER.exec(title);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

import type { Finding, Rule } from './rule';
import type { IncidentReport } from '../model/report';
import { requiredDisciplines } from '../model/kinds/eightD';
import { CORE_SECTION_NAMES, POSTMORTEM_SECTIONS } from '../model/kinds/postmortem';
import { planDisciplineInsertion, planPostmortemInsertion, planTemplateInsertion, templateSections, matchingSection, type SectionInsertion } from '../model/insertSection';
import { frontMatterText } from '../model/frontMatter';

export type MissingSectionData = SectionInsertion;

const REQUIRED_SECTIONS_SETTING = 'incidentDocs.postmortem.requiredSections';

export const missingSection: Rule = {
  id: 'missing-section',
  description: 'Every required section is there: D0–D8 in an 8D report, the core sections in a post-mortem, the sections of its custom template.',
  defaultSeverity: 'error',
  severityNote: "warning for a post-mortem's core section, as teams have house templates",
  quickFix: '*Insert Impact* puts the section in its place; *Insert all missing sections* inserts them all',
  options: {
    'postmortem.requiredSections': {
      type: 'array',
      items: { type: 'string' },
      default: CORE_SECTION_NAMES,
      markdownDescription: 'The sections `missing-section` requires in a post-mortem. Any usual name counts (`Overview` for Summary, `Follow-ups` for Action items …); `Trigger`, `Detection` and `Supporting information` may be added.',
    },
  },
  kinds: ['8d', 'postmortem'],
  check(report, { settings, workspace }) {
    // A report made from a custom template (front matter `template: <name>`) needs that template's sections.
    const templateName = frontMatterText(report.frontMatter, 'template');
    const template = templateName ? workspace?.template(templateName) : undefined;
    const insertions = template !== undefined
      ? missingTemplateSections(report, template)
      : report.kind === '8d' ? missingDisciplines(report) : missingPostmortemSections(report, settings.postmortemRequiredSections);
    const range = report.title?.range ?? report.lines.lineRange(0);
    // Teams have house templates: a post-mortem without a core section is worth a warning, and the message says how to
    // change what is required. A missing 8D discipline, or a section of the report's own template, stays an error.
    const houseRules = template === undefined && report.kind === 'postmortem';
    return insertions.map((data): Finding => houseRules
      ? { message: `Missing section ${data.name} (to change which sections a post-mortem needs, set ${REQUIRED_SECTIONS_SETTING})`, range, data, severity: 'warning' }
      : { message: `Missing section ${data.name}`, range, data });
  },
};

function missingDisciplines(report: IncidentReport): MissingSectionData[] {
  const present = new Set(report.disciplines.map((d) => d.number));
  // An original D1–D8 form (Ford's 8D before D0, VDA's) needs no D0.
  return requiredDisciplines(report.disciplines.map((d) => ({ number: d.number, title: d.label.title }))).filter((d) => !present.has(d.number)).map((d) => planDisciplineInsertion(report, d.number));
}

function missingPostmortemSections(report: IncidentReport, required: readonly string[]): MissingSectionData[] {
  const present = new Set(report.postmortemSections.map((s) => s.kind.id));
  return POSTMORTEM_SECTIONS.filter((kind) => required.includes(kind.id) && !present.has(kind.id)).map((kind) => planPostmortemInsertion(report, kind));
}

function missingTemplateSections(report: IncidentReport, template: string): MissingSectionData[] {
  const sections = templateSections(template);
  return sections.flatMap((section, index) => (matchingSection(report, section) ? [] : [planTemplateInsertion(report, sections, index)]));
}

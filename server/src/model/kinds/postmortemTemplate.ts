/** Prompts of the built-in post-mortem template (templates/postmortem.md), inserted with a missing section. */
import postmortemTemplate from '../../../../templates/postmortem.md';
import { buildReport } from '../report';

let bodies: Map<string, string> | undefined;

export function postmortemTemplateBody(id: string): string {
  if (!bodies) {
    const report = buildReport(postmortemTemplate);
    bodies = new Map(report.postmortemSections.map((section) => [
      section.kind.id,
      postmortemTemplate.slice(section.heading.end, section.end).replace(/^\r?\n/, '').replace(/\s+$/, ''),
    ]));
  }
  return bodies.get(id) ?? '';
}

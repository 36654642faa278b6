/**
 * Report templates: the built-in ones (templates/*.md, the same files the section catalogue is read from) and
 * custom ones in `<report folder>/.templates/<name>.md` or named in `incidentDocs.templates`.
 * Placeholders are expanded as 8d-tools expands them.
 */
import simpleTemplate from '../../../templates/8d-simple.md';
import defaultTemplate from '../../../templates/8d-default.md';
import postmortemTemplate from '../../../templates/postmortem.md';
import { baseName, fail, joinUri, type CommandContext } from './context';
import type { ReportFolder } from './reportFolder';

export interface Template {
  name: string;
  description: string;
  builtIn: boolean;
  text: string;
}

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  { name: 'simple', description: '8D, simple (8d-tools "simple": one prompt per discipline)', builtIn: true, text: simpleTemplate },
  { name: 'default', description: '8D, default (8d-tools "default": subsections for every discipline)', builtIn: true, text: defaultTemplate },
  { name: 'postmortem', description: 'Incident post-mortem (the seven core sections)', builtIn: true, text: postmortemTemplate },
];

const NAME = /^[A-Za-z0-9_-]{1,50}$/;

/** Every template the user can choose: built-in, the report folder's `.templates/`, and those named in settings. */
export async function availableTemplates(context: CommandContext, folder: ReportFolder): Promise<Template[]> {
  const templates = [...BUILT_IN_TEMPLATES];
  const prefix = `${joinUri(folder.uri, '.templates')}/`;
  for (const uri of context.index.markdownFiles().filter((u) => u.startsWith(prefix))) {
    const name = baseName(uri).replace(/\.md$/i, '');
    const text = NAME.test(name) ? await context.readText(uri) : undefined;
    if (text !== undefined && !templates.some((t) => t.name === name)) templates.push({ name, description: `Custom: .templates/${name}.md`, builtIn: false, text });
  }
  for (const [name, path] of Object.entries(context.settings.templates)) {
    if (!NAME.test(name) || path.split(/[\\/]/).includes('..') || path.startsWith('/')) continue; // never read outside the workspace
    const uri = joinUri(folder.root, path);
    const real = context.realPath ? await context.realPath(uri) : undefined;
    const realRoot = context.realPath ? await context.realPath(folder.root) : undefined;
    if (real && realRoot && !real.startsWith(`${realRoot}/`)) continue; // a symbolic link out of the workspace
    const text = await context.readText(uri);
    if (text !== undefined && !templates.some((t) => t.name === name)) templates.push({ name, description: `Custom: ${path}`, builtIn: false, text });
  }
  return templates;
}

export async function findTemplate(context: CommandContext, folder: ReportFolder, name: string): Promise<Template> {
  if (!NAME.test(name)) fail(`"${name}" is not a template name: use letters, digits, - and _.`);
  const template = (await availableTemplates(context, folder)).find((t) => t.name === name);
  if (!template) fail(`There is no template "${name}": add .templates/${name}.md to the report folder or choose another.`);
  return template;
}

export interface TemplateData {
  title: string;
  sequence: number;
  date: string;
  links: string[];
}

/** 8d-tools 1.0.2: built-in templates put `## Links` with no trailing line break, custom ones with one. */
export function expandTemplate(template: Template, data: TemplateData): string {
  const links = data.links.length === 0 ? '' : `\n## Links\n\n${data.links.join('\n')}${template.builtIn ? '' : '\n'}`;
  return template.text
    .replace(/\{\{title\}\}/g, () => data.title)
    .replace(/\{\{sequence\}\}/g, String(data.sequence))
    .replace(/\{\{date\}\}/g, data.date)
    .replace(/\{\{links\}\}/g, () => links);
}

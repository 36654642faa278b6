/**
 * Deterministic benchmark corpora: large 8D reports and post-mortems, and workspaces of linked reports.
 * Skeletons come from the built-in templates; the text that fills them is drawn (seeded PRNG) from the sample
 * reports and post-mortems in test/fixtures/corpus, section by matching section, so the generated documents have
 * the shapes the rules were written for (tables, lists, timelines, `## Links` lines), only more of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and the same on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A seed per corpus, so that changing one corpus does not shift the others. */
export function seedOf(name: string, base = 0x8d2025): number {
  let h = base >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const PM_SECTIONS = ['summary', 'impact', 'rootCause', 'resolution', 'timeline', 'lessons', 'actions'] as const;
type PmSection = (typeof PM_SECTIONS)[number];

export interface Sources {
  templates: { simple: string; default: string; postmortem: string };
  /** Content blocks (paragraphs, lists, tables) by discipline D0–D8, from the sample 8D reports. */
  disciplines: string[][];
  /** Content blocks by post-mortem section, from the sample post-mortems. */
  postmortem: Record<PmSection, string[]>;
  /** Timeline event texts (without their time), from the sample post-mortems' timelines. */
  events: string[];
  /** Title halves, from the samples' titles. */
  titleHeads: string[];
  titleTails: string[];
}

interface RawSection {
  heading: string;
  level: number;
  lines: string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

/** Top-of-file title and the sections under it; front matter dropped, headings in code fences ignored. */
function sectionsOf(text: string): { title?: string; sections: RawSection[] } {
  let body = text.replace(/\r\n?/g, '\n');
  if (body.startsWith('---\n')) {
    const end = body.indexOf('\n---\n', 4);
    if (end >= 0) body = body.slice(end + 5);
  }
  let title: string | undefined;
  const sections: RawSection[] = [];
  let inFence = false;
  for (const line of body.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : ATX.exec(line);
    if (heading && heading[1].length === 1 && title === undefined) {
      title = heading[2];
    } else if (heading) {
      sections.push({ heading: heading[2], level: heading[1].length, lines: [] });
    } else if (sections.length > 0) {
      sections[sections.length - 1].lines.push(line);
    }
  }
  return { title, sections };
}

/** Paragraphs, lists and tables: runs of non-blank lines, without prompt comments, rules and the 8d-tools footer. */
function blocksOf(lines: string[]): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;
  const flush = () => {
    const block = current.join('\n').trim();
    current = [];
    if (!block || /^<!--[\s\S]*-->$/.test(block) || /^(-{3,}|\*{3,})$/.test(block) || /generated using \[8d-tools\]/.test(block)) return;
    blocks.push(block);
  };
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && line.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

function disciplineOf(heading: string): number | undefined {
  const match = /^(?:d|discipline\s+)([0-8])(?![0-9])/i.exec(heading.replace(/^[^A-Za-z0-9]+/, ''));
  return match ? Number(match[1]) : undefined;
}

function postmortemSectionOf(heading: string): PmSection | 'other' {
  const h = heading.toLowerCase();
  if (/timeline/.test(h)) return 'timeline';
  if (/summary|overview/.test(h)) return 'summary';
  if (/impact/.test(h)) return 'impact';
  if (/root cause|contributing|what happened/.test(h)) return 'rootCause';
  if (/resolution|mitigation|recovery/.test(h)) return 'resolution';
  if (/lesson|how'd we do|went well|went wrong|lucky/.test(h)) return 'lessons';
  if (/action item|follow-up/.test(h)) return 'actions';
  return 'other';
}

/** `- 14:07 text`, `- 9:05 AM - text`, `| 2025-04-08 23:12 | text | … |` → `text`. */
function eventOf(line: string): string | undefined {
  if (/^\s*\|/.test(line)) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (!/\d{1,2}:\d{2}/.test(cells[1] ?? '') || !cells[2]) return undefined;
    return cells[2];
  }
  const match = /^\s*[-*+]\s+.*?\b\d{1,2}:\d{2}\b(?:\s*(?:AM|PM|am|pm))?(?:\s+[A-Z]{2,4}\b)?\s*[:—–-]?\s*(.+)$/.exec(line);
  return match?.[1];
}

export function loadSources(root: string): Sources {
  const read = (...parts: string[]) => readFileSync(join(root, ...parts), 'utf8');
  const templates = { simple: read('templates', '8d-simple.md'), default: read('templates', '8d-default.md'), postmortem: read('templates', 'postmortem.md') };
  const disciplines: string[][] = Array.from({ length: 9 }, () => []);
  const postmortem = Object.fromEntries(PM_SECTIONS.map((s) => [s, [] as string[]])) as Record<PmSection, string[]>;
  const events: string[] = [];
  const titles: string[] = [];

  const reportsDir = join(root, 'test', 'fixtures', 'corpus', '8d-workspace', 'reports');
  for (const name of readdirSync(reportsDir).filter((n) => /^\d{4}-.*\.md$/.test(n)).sort()) {
    const { title, sections } = sectionsOf(read('test', 'fixtures', 'corpus', '8d-workspace', 'reports', name));
    if (title) titles.push(title.replace(/^\d+:\s*/, ''));
    let discipline: number | undefined;
    for (const section of sections) {
      const own = disciplineOf(section.heading);
      if (own !== undefined) discipline = own;
      else if (section.level <= 2) discipline = undefined; // `## Links`, `## Summary`: not a discipline
      if (discipline !== undefined) disciplines[discipline].push(...blocksOf(section.lines));
    }
  }

  const pmDir = join(root, 'test', 'fixtures', 'corpus', 'postmortems');
  for (const name of readdirSync(pmDir).filter((n) => n.endsWith('.md')).sort()) {
    const { title, sections } = sectionsOf(read('test', 'fixtures', 'corpus', 'postmortems', name));
    if (title) titles.push(title.replace(/^(post-?mortem|incident review|incident):\s*/i, ''));
    let current: PmSection | 'other' = 'other';
    for (const section of sections) {
      if (section.level <= 2) current = postmortemSectionOf(section.heading);
      if (current === 'timeline') {
        for (const line of section.lines) {
          const event = eventOf(line);
          // Outage markers stay out: generated timelines state no outage, so duration rules have nothing to compare.
          if (event && !/outage (begins|ends)|impact (begins|ends)/i.test(event)) events.push(event);
        }
      } else if (current !== 'other') {
        postmortem[current].push(...blocksOf(section.lines));
      }
    }
  }

  const titleHeads: string[] = [];
  const titleTails: string[] = [];
  for (const title of titles) {
    const words = title.split(/\s+/);
    const cut = Math.max(1, Math.floor(words.length / 2));
    titleHeads.push(words.slice(0, cut).join(' '));
    titleTails.push(words.slice(cut).join(' ') || 'issue');
  }
  for (const [i, pool] of disciplines.entries()) if (pool.length === 0) throw new Error(`No sample text for D${i}`);
  for (const s of PM_SECTIONS) if (s !== 'timeline' && postmortem[s].length === 0) throw new Error(`No sample text for post-mortem section ${s}`);
  if (events.length === 0) throw new Error('No sample timeline events');
  return { templates, disciplines, postmortem, events, titleHeads, titleTails };
}

export function titleOf(rng: Random, sources: Sources): string {
  return `${rng.pick(sources.titleHeads)} ${rng.pick(sources.titleTails)}`.replace(/\s+/g, ' ').trim();
}

/** 8d-tools' file names (see server/src/commands/newReport.ts slugOf). */
export function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9\s-]/g, '').replace(/\s+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

export type Shape = 'simple' | 'default' | 'postmortem';

export interface ReportHeader {
  number: number;
  title: string;
  date: string;
  status: string;
  /** `- Relation: [n: Title](./nnnn-slug.md)` lines. */
  links: string[];
}

/** The template filled as `8d new` fills it (built-in templates: the links list is followed directly by the next heading). */
function expand(template: string, header: ReportHeader): string {
  const links = header.links.length === 0 ? '' : `\n## Links\n\n${header.links.join('\n')}`;
  return template
    .replace(/\{\{title\}\}/g, () => header.title)
    .replace(/\{\{sequence\}\}/g, String(header.number))
    .replace(/\{\{date\}\}/g, header.date)
    .replace(/\{\{links\}\}/g, () => links)
    .replace(/^- \*\*Status:\*\* Draft$/m, () => `- **Status:** ${header.status}`);
}

interface Slot {
  /** Index in the skeleton's lines after which blocks go. */
  after: number;
  discipline: number | PmSection;
  blocks: string[];
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * A report of about `targetBytes` (UTF-8): the template's skeleton with every section given sample text, then
 * further sample blocks in random sections until the size is reached. Post-mortems get about a quarter of their
 * size as a generated timeline (in time order, one `### YYYY-MM-DD` heading a day, times in UTC).
 */
export function generateReport(rng: Random, sources: Sources, shape: Shape, header: ReportHeader, targetBytes: number): string {
  const skeleton = expand(sources.templates[shape], header).split('\n');
  const slots: Slot[] = [];
  let discipline: number | PmSection | undefined;
  for (let i = 0; i < skeleton.length; i++) {
    const heading = ATX.exec(skeleton[i]);
    if (!heading || heading[1].length === 1) continue;
    if (shape === 'postmortem') {
      const section = postmortemSectionOf(heading[2]);
      discipline = section === 'other' ? undefined : section;
    } else {
      const own = disciplineOf(heading[2]);
      if (own !== undefined) discipline = own;
      else if (heading[1].length <= 2) discipline = undefined;
    }
    if (discipline === undefined) continue;
    // After what the template puts in the section (prompt comment, D1 table stub, "All times UTC."): its last non-blank line.
    let after = i;
    for (let j = i + 1; j < skeleton.length && !ATX.test(skeleton[j]) && !/^-{3,}\s*$/.test(skeleton[j]); j++) if (skeleton[j].trim() !== '') after = j;
    if (shape === 'default' && heading[1].length === 2 && skeleton.slice(i + 1).find((l) => l.trim() !== '')?.startsWith('###')) continue; // text goes under its subsections
    slots.push({ after, discipline, blocks: [] });
  }
  const poolOf = (d: number | PmSection) => (typeof d === 'number' ? sources.disciplines[d] : sources.postmortem[d]);

  let size = byteLength(skeleton.join('\n'));
  const add = (slot: Slot, block: string, counted = false) => {
    slot.blocks.push(block);
    size += (counted ? 0 : byteLength(block)) + 2;
  };
  // Every discipline / section gets text once (no empty-section findings from the generator itself).
  const seen = new Set<number | PmSection>();
  for (const slot of slots) {
    if (seen.has(slot.discipline) || slot.discipline === 'timeline') continue;
    seen.add(slot.discipline);
    add(slot, rng.pick(poolOf(slot.discipline)));
  }
  const timelineSlot = slots.find((slot) => slot.discipline === 'timeline');
  const textSlots = slots.filter((slot) => slot.discipline !== 'timeline' && slot.discipline !== 'summary');
  const timelineShare = timelineSlot ? 0.25 : 0;
  const textTarget = targetBytes * (1 - timelineShare);
  while (size < textTarget) {
    const slot = rng.pick(textSlots);
    add(slot, rng.pick(poolOf(slot.discipline)));
  }
  if (timelineSlot) {
    let minutes = 8 * 60 + rng.int(0, 120);
    let day = -1;
    const start = Date.parse(`${header.date}T00:00:00Z`);
    const entries: string[] = [];
    while (size < targetBytes) {
      const today = Math.floor(minutes / 1440);
      if (today !== day) {
        day = today;
        const heading = `### ${new Date(start + day * 86_400_000).toISOString().slice(0, 10)}`;
        if (entries.length > 0) {
          add(timelineSlot, entries.join('\n'), true);
          entries.length = 0;
        }
        add(timelineSlot, heading);
      }
      const hh = String(Math.floor((minutes % 1440) / 60)).padStart(2, '0');
      const mm = String(minutes % 60).padStart(2, '0');
      const entry = `- ${hh}:${mm} ${rng.pick(sources.events)}`;
      entries.push(entry);
      size += byteLength(entry) + 1;
      minutes += rng.int(1, 25);
    }
    if (entries.length > 0) add(timelineSlot, entries.join('\n'), true);
  }

  const out: string[] = [];
  const slotAt = new Map(slots.map((slot) => [slot.after, slot]));
  for (let i = 0; i < skeleton.length; i++) {
    out.push(skeleton[i]);
    const slot = slotAt.get(i);
    if (slot) for (const block of slot.blocks) out.push('', block);
  }
  return out.join('\n');
}

export interface WorkspaceFile {
  fileName: string;
  text: string;
}

interface Planned {
  number: number;
  title: string;
  fileName: string;
  shape: Shape;
  date: string;
  status: string;
  bytes: number;
  links: string[];
}

const PAIRS: readonly [string, string][] = [
  ['Supersedes', 'Superseded by'],
  ['Amends', 'Amended by'],
  ['Clarifies', 'Clarified by'],
  ['Extends', 'Extended by'],
  ['Related to', 'Related to'],
];

export function linkLine(relation: string, to: { number: number; title: string; fileName: string }): string {
  return `- ${relation}: [${to.number}: ${to.title}](./${to.fileName})`;
}

/**
 * `count` reports (8D simple 40 %, 8D default 35 %, post-mortem 25 %), sizes uniform in [avg/2, 3·avg/2].
 * About 40 % link to an earlier report (mostly a near one), a few twice; the other end writes the inverse
 * relation (19 times in 20) and a superseded report has the status Superseded.
 */
export function planWorkspace(rng: Random, sources: Sources, count: number, averageBytes = 8192): Planned[] {
  const planned: Planned[] = [];
  const day0 = Date.parse('2019-01-07T00:00:00Z');
  for (let number = 1; number <= count; number++) {
    const title = titleOf(rng, sources);
    const roll = rng.next();
    const shape: Shape = roll < 0.4 ? 'simple' : roll < 0.75 ? 'default' : 'postmortem';
    const date = new Date(day0 + Math.floor((number * 2555 * 86_400_000) / count)).toISOString().slice(0, 10);
    const status = rng.pick(['Draft', 'In Progress', 'In Progress', 'Completed', 'Completed', 'Completed', 'Closed']);
    const bytes = Math.round(averageBytes * (0.5 + rng.next()));
    planned.push({ number, title, fileName: `${String(number).padStart(4, '0')}-${slugOf(title)}.md`, shape, date, status, bytes, links: [] });
  }
  for (const report of planned) {
    const linkCount = rng.chance(0.4) ? (rng.chance(0.15) ? 2 : 1) : 0;
    for (let k = 0; k < linkCount && report.number > 1; k++) {
      const back = 1 + Math.floor(rng.next() ** 3 * Math.min(report.number - 1, 300));
      const other = planned[report.number - 1 - back];
      const [relation, inverse] = rng.pick(PAIRS);
      report.links.push(linkLine(relation, other));
      if (rng.chance(0.95)) other.links.push(linkLine(inverse, report));
      if (relation === 'Supersedes') other.status = 'Superseded';
    }
  }
  return planned;
}

export function* renderWorkspace(rng: Random, sources: Sources, planned: Planned[]): Generator<WorkspaceFile> {
  for (const p of planned) {
    yield { fileName: p.fileName, text: generateReport(rng, sources, p.shape, { number: p.number, title: p.title, date: p.date, status: p.status, links: p.links }, p.bytes) };
  }
}

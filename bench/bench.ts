/**
 * `npm run bench`: full check vs remark-parse and markdownlint, edit latency through the real server, workspace
 * indexing vs markdown-it, link completion and peak RSS, on corpora generated here from a fixed seed.
 * Prints a table and writes bench/results.json. Targets are reported PASS/FAIL; a miss never fails the run.
 * Bundled by bench/run.mjs into bench/out/bench.js (so paths below are relative to bench/out/).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, promises as fsp } from 'node:fs';
import { cpus, platform, arch, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { lint as markdownlint } from 'markdownlint/sync';
import MarkdownIt from 'markdown-it';
import { createLanguageService } from '../server/src/languageService';
import { DEFAULT_SETTINGS, type Settings } from '../server/src/settings';
import { buildReport, type IncidentReport, type Section } from '../server/src/model/report';
import { BlockCache } from '../server/src/model/incrementalParse';
import { forgetRememberedTexts } from '../server/src/model/memo';
import { ALL_RULES } from '../server/src/rules';
import type { ReportIndex } from '../server/src/workspace/reportIndex';
import type { RootContent } from 'mdast';
import { READ_BATCH, WorkspaceIndexer } from '../server/src/workspace/indexer';
import { DEFAULT_DISCOVERY } from '../server/src/workspace/discovery';
import { fileExists, InMemoryFileSystem, nodeFileSystem, pathOfFileUri, readTextFile } from '../server/src/workspace/fileSystem';
import { generateReport, linkLine, loadSources, planWorkspace, Random, renderWorkspace, seedOf, slugOf, titleOf, type Shape, type Sources } from './corpus';
import { interleave, ms, now, summarize } from './stats';
import { LspClient } from '../test/support/lspClient';
import { benchCliAtScale, type CliScaleResult } from './cliScale';

const ROOT = resolve(__dirname, '..', '..');
const SEED = 0x8d2025;

// Iterations (timed rounds; warm-up rounds are extra and untimed).
const SIZES_KB = [10, 50, 200, 1024] as const;
const CHECK_ROUNDS: Record<number, { iterations: number; warmup: number }> = {
  10: { iterations: 40, warmup: 5 },
  50: { iterations: 20, warmup: 2 },
  200: { iterations: 5, warmup: 1 },
  1024: { iterations: 3, warmup: 0 }, // the smaller sizes ran first: the code is warm
};
const EDIT_ROUNDS: Record<number, { edits: number; warmup: number }> = {
  50: { edits: 200, warmup: 10 },
  1024: { edits: 30, warmup: 3 }, // opening a 1 MB report takes seconds, each edit tens of ms
};
const TYPED = 'and the gateway was power cycled again before the field team arrived on site ';
const WORKSPACES = [1000, 10000] as const;
// Five at 10,000 too: the machine is shared, and a median of three moved by a fifth between runs.
const INDEX_RUNS: Record<number, number> = { 1000: 5, 10000: 5 };
const COMPLETIONS = { calls: 100, warmup: 10 };
// `--cli-only`: just the CLI on the 10,000 reports (and markdownlint beside it), `--cli-rounds N` times (default 1).
const ARGS = process.argv.slice(2);
const CLI_ONLY = ARGS.includes('--cli-only');
const CLI_ROUNDS = ARGS.includes('--cli-rounds') ? Number(ARGS[ARGS.indexOf('--cli-rounds') + 1]) : 1;
const CLI_SCRIPT = join(resolve(__dirname, '..', '..'), 'dist', 'cli.js');

const TARGETS = {
  editP95Ms: { 50: 15, 1024: 60 } as Record<number, number>,
  checkVsRemark: 1.2,
  index10kMs: 2000,
  indexSpeedupVsMarkdownIt: 8,
  completionP95Ms: 20,
  rssBytes: 200 * 1024 * 1024,
  cliRssBytes: 300 * 1024 * 1024,
  cliVsMarkdownlint: 0.4,
  cacheRerunShare: 0.05,
};

interface TargetResult {
  what: string;
  target: string;
  measured: string;
  pass: boolean;
}
const targets: TargetResult[] = [];
function target(what: string, targetText: string, measured: string, pass: boolean): string {
  targets.push({ what, target: targetText, measured, pass });
  return pass ? 'PASS' : 'FAIL';
}

const KB = 1024;
const MB = 1024 * 1024;
const sizeName = (kb: number) => (kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`);
const bytesName = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / KB).toFixed(1)} KB`);
const x = (ratio: number) => `${ratio.toFixed(2)}×`;
const percent = (share: number) => `${(share * 100).toFixed(0)} %`;
const T0 = now();
const log = (message: string) => process.stderr.write(`[${((now() - T0) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const started = now();
  const cpuList = cpus();
  const machine = {
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    totalMemoryBytes: totalmem(),
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
  };
  const sources = loadSources(ROOT);
  const scratch = mkdtempSync(join(tmpdir(), 'incident-docs-bench-'));
  try {
    // ---------------------------------------------------------------- workspaces
    const workspaces: { count: number; root: string; rootUri: string; reportsDir: string; bytes: number; files: string[] }[] = [];
    for (const count of CLI_ONLY ? [10000] : WORKSPACES) {
      log(`Writing a workspace of ${count} reports…`);
      const rng = new Random(seedOf(`workspace-${count}`, SEED));
      const root = join(scratch, `ws-${count}`);
      const reportsDir = join(root, 'reports');
      mkdirSync(reportsDir, { recursive: true });
      writeFileSync(join(root, '.8d-dir'), 'reports');
      let bytes = 0;
      const files: string[] = [];
      for (const file of renderWorkspace(rng, sources, planWorkspace(rng, sources, count))) {
        writeFileSync(join(reportsDir, file.fileName), file.text);
        bytes += Buffer.byteLength(file.text);
        files.push(file.fileName);
      }
      workspaces.push({ count, root, rootUri: pathToFileURL(root).href, reportsDir, bytes, files });
    }
    if (CLI_ONLY) {
      const cli = cliSection(workspaces[0], scratch);
      console.log([...cli.lines, '', `Targets: ${targets.filter((t) => t.pass).length} of ${targets.length} met`, ...targets.map((t) => `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.what}: ${t.measured} (target ${t.target})`)].join('\n'));
      writeFileSync(join(ROOT, 'bench', 'results-cli.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, cli: cli.result, targets }, null, 2)}\n`);
      log('Wrote bench/results-cli.json');
      return;
    }

    const markdownIt = new MarkdownIt();
    const indexers = new Map<number, WorkspaceIndexer>();
    const workspaceResults: Record<string, unknown>[] = [];
    const workspaceRows: string[][] = [];
    for (const ws of workspaces) {
      log(`Indexing ${ws.count} reports (${INDEX_RUNS[ws.count]} runs each, beside markdown-it)…`);
      const indexMs: number[] = [];
      const inMemoryMs: number[] = [];
      const markdownItMs: number[] = [];
      const markdownItParseMs: number[] = [];
      let indexed = 0;
      // The index and markdown-it on the files, in turn. The in-memory copy below is made only after them: the
      // 80 MB of text it holds made both of them slower (a larger heap for their collections to go through).
      for (let run = 0; run < INDEX_RUNS[ws.count]; run++) {
        const indexer = new WorkspaceIndexer(nodeFileSystem, DEFAULT_DISCOVERY, fileExists);
        let start = now();
        const result = await indexer.scan([ws.rootUri]);
        indexMs.push(now() - start);
        indexed = result.reports;
        indexers.set(ws.count, indexer);
        // The same files, listed and read the same way (batches of READ_BATCH into the same reused buffer), but
        // decoded to text as markdown-it needs them, each tokenized by markdown-it.
        start = now();
        let parse = 0;
        let tokens = 0;
        const uris = (await fsp.readdir(ws.reportsDir)).filter((name) => name.endsWith('.md')).sort().map((name) => `${ws.rootUri}/reports/${encodeURIComponent(name)}`);
        for (let at = 0; at < uris.length; at += READ_BATCH) {
          for (const text of uris.slice(at, at + READ_BATCH).map((uri) => readTextFile(pathOfFileUri(uri)))) {
            const t = now();
            tokens += markdownIt.parse(text, {}).length;
            parse += now() - t;
          }
        }
        markdownItMs.push(now() - start);
        markdownItParseMs.push(parse);
        if (tokens === 0) throw new Error('markdown-it produced no tokens');
      }
      // The same files in memory: what the index costs without the disk reads (for comparison only).
      const memory = new InMemoryFileSystem();
      memory.files.set(`${ws.rootUri}/.8d-dir`, 'reports');
      for (const name of ws.files) memory.files.set(`${ws.rootUri}/reports/${name}`, readFileSync(join(ws.reportsDir, name), 'utf8'));
      for (let run = 0; run < INDEX_RUNS[ws.count]; run++) {
        const start = now();
        await new WorkspaceIndexer(memory, DEFAULT_DISCOVERY, () => false).scan([ws.rootUri]);
        inMemoryMs.push(now() - start);
      }
      if (indexed !== ws.count) log(`  warning: indexed ${indexed} reports, expected ${ws.count}`);
      memory.files.clear();
      const index = summarize(indexMs);
      const inMemory = summarize(inMemoryMs);
      const mdit = summarize(markdownItMs);
      const mditParse = summarize(markdownItParseMs);
      const speedup = mdit.median / index.median;
      // Without the reads on either side: the scanner against the tokenizer.
      const speedupInMemory = mditParse.median / inMemory.median;
      const row = [ws.count.toLocaleString('en-US'), bytesName(ws.bytes / ws.count), bytesName(ws.bytes), String(index.n), ms(index.median), ms(inMemory.median), ms(mdit.median), ms(mditParse.median), x(speedup), x(speedupInMemory)];
      if (ws.count === 10000) {
        row.push(
          target('Index 10,000 reports', `≤ ${TARGETS.index10kMs} ms`, `${ms(index.median)} ms`, index.median <= TARGETS.index10kMs),
          target('Index vs markdown-it, 10,000 reports', `≥ ${TARGETS.indexSpeedupVsMarkdownIt}× faster`, x(speedup), speedup >= TARGETS.indexSpeedupVsMarkdownIt),
        );
      } else row.push('', '');
      workspaceRows.push(row);
      workspaceResults.push({ reports: ws.count, indexed, averageBytes: Math.round(ws.bytes / ws.count), totalBytes: ws.bytes, indexMs: index, indexInMemoryMs: inMemory, markdownItReadAndTokenizeMs: mdit, markdownItTokenizeOnlyMs: mditParse, speedupVsMarkdownIt: speedup, speedupInMemoryVsTokenizeOnly: speedupInMemory });
    }

    // Link completion after `[` in a `## Links` item, with each workspace's index.
    const completionRows: string[][] = [];
    const completionResults: Record<string, unknown>[] = [];
    for (const ws of workspaces) {
      log(`Completing links in the ${ws.count}-report workspace…`);
      const service = createLanguageService({ workspace: indexers.get(ws.count)!.index });
      const samples: number[] = [];
      const unseenSamples: number[] = [];
      const narrowedSamples: number[] = [];
      let items = 0;
      let version = 0;
      for (const [i, c] of completionCases(ws.reportsDir, ws.files, COMPLETIONS.calls + COMPLETIONS.warmup).entries()) {
        // Typing `[`: the report as it was a keystroke before has been checked (the server checks every
        // version); the version with `[` is new, so the completion parses it (incrementally) and lists the reports.
        const offset = c.text.split('\n').slice(0, c.position.line).join('\n').length + 1 + c.position.character;
        const before = c.text.slice(0, offset - 1) + c.text.slice(offset);
        service.computeDiagnostics({ uri: c.uri, version: ++version, getText: () => before });
        let start = now();
        const result = service.getCompletions({ uri: c.uri, version: ++version, getText: () => c.text }, c.position);
        const elapsed = now() - start;
        // Then `gat` typed after it (the list is cut at MAX_LISTED: the editor asks again with each character).
        const narrowedText = c.text.slice(0, offset) + 'gat' + c.text.slice(offset);
        start = now();
        service.getCompletions({ uri: c.uri, version: ++version, getText: () => narrowedText }, { line: c.position.line, character: c.position.character + 3 });
        const narrowedElapsed = now() - start;
        // For comparison: the same on a report the server has never seen (a full parse first).
        const unseen = { uri: c.uri.replace(/\.md$/, '-unseen.md'), version: 1, getText: () => c.text };
        start = now();
        service.getCompletions(unseen, c.position);
        const unseenElapsed = now() - start;
        service.forget(unseen.uri);
        if (i >= COMPLETIONS.warmup) {
          samples.push(elapsed);
          unseenSamples.push(unseenElapsed);
          narrowedSamples.push(narrowedElapsed);
          items += result.items.length;
        }
      }
      // The lists are kept until the index's listing changes (a report added, retitled …): the first completion after that builds them again.
      const rebuildSamples: number[] = [];
      const sample = completionCases(ws.reportsDir, ws.files, 1)[0];
      for (let round = 0; round < 5; round++) {
        const uri = `${ws.rootUri}/reports/${ws.count + 1000 + round}-listing-change.md`;
        indexers.get(ws.count)!.index.update(uri, `# ${ws.count + 1000 + round}: Listing change\n`);
        const start = now();
        service.getCompletions({ uri: sample.uri, version: ++version, getText: () => sample.text }, sample.position);
        rebuildSamples.push(now() - start);
        indexers.get(ws.count)!.index.remove(uri);
      }
      const rebuild = summarize(rebuildSamples);
      const summary = summarize(samples);
      const cached = summarize(unseenSamples);
      const narrowed = summarize(narrowedSamples);
      const averageItems = items / Math.max(1, samples.length);
      if (averageItems < 1) log(`  warning: completion offered no reports in the ${ws.count}-report workspace`);
      completionRows.push([
        ws.count.toLocaleString('en-US'), String(summary.n), averageItems.toFixed(0), ms(summary.median), ms(summary.p95), ms(narrowed.median), ms(narrowed.p95), ms(cached.median), ms(cached.p95), ms(rebuild.median),
        ws.count === 10000 ? target('Completion p95, 10,000 reports', `≤ ${TARGETS.completionP95Ms} ms`, `${ms(summary.p95)} ms`, summary.p95 <= TARGETS.completionP95Ms) : '',
      ]);
      completionResults.push({ reports: ws.count, completionMs: summary, completionAfterTypingGatMs: narrowed, completionOnUnseenReportMs: cached, completionAfterListingChangeMs: rebuild, averageItems });
    }

    const afterWorkspace = { maxRssBytes: process.resourceUsage().maxRSS * 1024, memoryUsage: process.memoryUsage() };
    const ws10k = workspaces.find((ws) => ws.count === 10000)!;
    log('Peak RSS of the server indexing 10,000 reports…');
    const probe = await serverRssOn(ws10k);
    const cli = cliSection(ws10k, scratch);

    // ---------------------------------------------------------------- full check
    const ws1000 = workspaces.find((ws) => ws.count === 1000)!;
    const sized = generateSizedDocuments(sources, ws1000);
    const workspace1000 = indexers.get(1000)!.index;
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
    const checkRows: string[][] = [];
    const checkResults: Record<string, unknown>[] = [];
    for (const doc of sized) {
      const { iterations, warmup } = CHECK_ROUNDS[doc.kb];
      log(`Full check of the ${doc.label} of ${sizeName(doc.kb)} (${iterations} rounds)…`);
      let findings = -1;
      // The rules alone: the report is built once, with the language service's chunked parse; each round runs every
      // rule on a copy of its nodes, with nothing remembered (see rulesAloneRound), so that the rules do all their work.
      const parsed = buildReport(doc.text, new BlockCache());
      let rulesRound = parsed;
      let rulesFindings = -1;
      const samples = interleave({
        check: () => {
          // A fresh service each round: no cache of an earlier round (parsed versions, parsed blocks) may help.
          const service = createLanguageService({ workspace: workspace1000 });
          const diagnostics = service.computeDiagnostics({ uri: doc.uri, version: 1, getText: () => doc.text }, DEFAULT_SETTINGS);
          findings = diagnostics.length;
          return diagnostics;
        },
        rules: {
          untimed: () => {
            rulesRound = rulesAloneRound(parsed);
          },
          timed: () => (rulesFindings = runAllRules(rulesRound, doc.uri, DEFAULT_SETTINGS, workspace1000)),
        },
        remark: () => processor.runSync(processor.parse(doc.text)),
        markdownlint: () => markdownlint({ strings: { [doc.uri]: doc.text } }),
      }, iterations, warmup);
      // Timing the wrong work would be worse than no row: the rules alone find what the full check finds.
      if (rulesFindings !== findings) throw new Error(`The rules alone found ${rulesFindings} problems in the ${doc.label} of ${sizeName(doc.kb)}, the full check ${findings}`);
      const check = summarize(samples.check);
      const rules = summarize(samples.rules);
      const remark = summarize(samples.remark);
      const lint = summarize(samples.markdownlint);
      const vsRemark = check.median / remark.median;
      const vsLint = check.median / lint.median;
      const rulesShare = rules.median / check.median;
      checkRows.push([
        doc.label, bytesName(doc.bytes), String(check.n), ms(check.median), ms(check.p95), ms(rules.median), ms(rules.p95), percent(rulesShare),
        ms(remark.median), ms(remark.p95), x(vsRemark),
        ms(lint.median), ms(lint.p95), x(vsLint),
        target(`Full check ${doc.label} ${sizeName(doc.kb)} vs remark-parse`, `≤ ${TARGETS.checkVsRemark}×`, x(vsRemark), vsRemark <= TARGETS.checkVsRemark),
      ]);
      checkResults.push({ document: doc.label, shape: doc.shape, sizeKB: doc.kb, bytes: doc.bytes, lines: doc.text.split('\n').length, findings, checkMs: check, rulesAloneMs: rules, rulesShareOfCheck: rulesShare, remarkParseMs: remark, markdownlintMs: lint, checkVsRemark: vsRemark, checkVsMarkdownlint: vsLint });
    }

    // ---------------------------------------------------------------- edit latency through the server
    for (const doc of sized) if (EDIT_ROUNDS[doc.kb]) writeFileSync(doc.path, doc.text);
    log(`Starting the server on the ${ws1000.count}-report workspace…`);
    const server = await LspClient.start({ diagnosticsDelay: 0 }, ws1000.rootUri);
    await server.until(() => server.indexing.some((n) => n.state === 'end'), 'the first scan', 600_000);
    let serverPeakRss: number | undefined;
    const editRows: string[][] = [];
    const editResults: Record<string, unknown>[] = [];
    try {
      for (const doc of sized) {
        const rounds = EDIT_ROUNDS[doc.kb];
        if (!rounds) continue;
        log(`Editing the ${doc.label} of ${sizeName(doc.kb)} through the server (${rounds.edits} edits)…`);
        await server.open(doc.uri, doc.text);
        const at = editPoint(doc.text);
        const samples: number[] = [];
        let diagnostics = 0;
        for (let i = 0; i < rounds.warmup + rounds.edits; i++) {
          // Typing: one character after another at the cursor, so every version is new text (no cache holds it).
          const cursor = { line: at.line, character: at.character + i };
          const result = await server.timedEdit(doc.uri, [{ range: { start: cursor, end: cursor }, newText: TYPED[i % TYPED.length] }]);
          if (i >= rounds.warmup) samples.push(result.ms);
          diagnostics = result.diagnostics;
        }
        await server.close(doc.uri);
        const summary = summarize(samples);
        const limit = TARGETS.editP95Ms[doc.kb];
        editRows.push([
          doc.label, bytesName(doc.bytes), `${at.line + 1}:${at.character + 1}`, String(summary.n), ms(summary.median), ms(summary.p95), ms(summary.max),
          target(`Edit latency p95, ${doc.label} ${sizeName(doc.kb)}`, `≤ ${limit} ms`, `${ms(summary.p95)} ms`, summary.p95 <= limit),
        ]);
        editResults.push({ document: doc.label, sizeKB: doc.kb, bytes: doc.bytes, position: at, diagnostics, latencyMs: summary });
      }
    } finally {
      serverPeakRss = server.peakRss();
      await server.stop();
    }

    // ---------------------------------------------------------------- report
    const endRss = process.resourceUsage().maxRSS * 1024;
    const rssRow = [
      ['The server (dist/server.js): first scan of 10,000 reports, 20 reports opened and a link completed in each', bytesName(probe.maxRssBytes),
        target('Peak RSS, 10,000-report workspace', `≤ ${bytesName(TARGETS.rssBytes)}`, bytesName(probe.maxRssBytes), probe.maxRssBytes <= TARGETS.rssBytes)],
      ['  of which: peak by the end of the first scan', bytesName(probe.afterIndexBytes), ''],
      ['The server, 1,000 reports + the edits above (VmHWM)', serverPeakRss === undefined ? 'n/a' : bytesName(serverPeakRss), ''],
      ['This bench process, through the workspace phase', bytesName(afterWorkspace.maxRssBytes), ''],
      ['This bench process, whole run', bytesName(endRss), ''],
    ];
    const totalSeconds = (now() - started) / 1000;

    const out: string[] = [];
    out.push(`Incident Docs benchmark  (seed 0x${SEED.toString(16)}, ${new Date().toISOString().slice(0, 10)}, ${totalSeconds.toFixed(0)} s)`);
    out.push(`Machine: ${machine.cpu} × ${machine.cores}, ${(machine.totalMemoryBytes / 1024 ** 3).toFixed(1)} GiB RAM, Node ${machine.node}, ${machine.os}`);
    out.push('');
    out.push('Full check (parse + all rules: computeDiagnostics of a fresh language service, with the 1,000-report index); the rules alone (every rule on the report already built by the same chunked parse, nothing remembered from an earlier round) and their share of the full check; remark-parse alone (unified + remark-parse + remark-gfm + remark-frontmatter) and markdownlint (sync lint, default rules) on the same text; ms');
    out.push(table(['document', 'size', 'n', 'check med', 'p95', 'rules med', 'p95', 'rules/check', 'remark med', 'p95', 'check/remark', 'mdlint med', 'p95', 'check/mdlint', `≤ ${TARGETS.checkVsRemark}× remark`], checkRows));
    out.push('');
    out.push('Edit latency through `node dist/server.js --stdio` (diagnosticsDelay 0; typing one character at a time mid-paragraph: didChange → publishDiagnostics of that version); ms');
    out.push(table(['document', 'size', 'at line:col', 'edits', 'median', 'p95', 'max', 'p95 target'], editRows));
    out.push('');
    out.push('Workspace: cold index (WorkspaceIndexer + nodeFileSystem, files in a temp dir) vs markdown-it reading and tokenizing the same files; ms');
    out.push(table(['reports', 'avg size', 'total', 'runs', 'index med', '(in memory)', 'markdown-it med', '(tokenize only)', 'speedup', '(in memory)', '≤ 2 s', '≥ 8×'], workspaceRows));
    out.push(`The server's own first scan of the 10,000 reports (a new process, code not yet warm; from start to the end notification): ${ms(probe.firstScanMs)} ms.`);
    out.push('');
    out.push('Link completion on typing `[` in a `## Links` item (language service getCompletions on the version with `[`, the version before it checked: the first 500 reports of the list; "`[gat`": then `gat` typed, the list narrowed to the matching reports; "unseen": a report never parsed before, so a full parse first; "listing changed": the first completion after a report was added, which builds the list again); ms');
    out.push(table(['reports', 'calls', 'avg items', 'median', 'p95', '`[gat`: med', 'p95', 'unseen: med', 'p95', 'listing changed: med', `p95 ≤ ${TARGETS.completionP95Ms} ms`], completionRows));
    out.push('');
    out.push(...cli.lines);
    out.push('');
    out.push('Peak RSS');
    out.push(table(['process', 'max RSS', `≤ ${bytesName(TARGETS.rssBytes)}`], rssRow));
    out.push('');
    out.push(`Targets: ${targets.filter((t) => t.pass).length} of ${targets.length} met`);
    for (const t of targets) out.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.what}: ${t.measured} (target ${t.target})`);
    console.log(out.join('\n'));

    const results = {
      date: new Date().toISOString(),
      seed: SEED,
      machine,
      totalSeconds,
      rounds: { check: CHECK_ROUNDS, edits: EDIT_ROUNDS, indexRuns: INDEX_RUNS, completions: COMPLETIONS },
      fullCheck: checkResults,
      editLatency: editResults,
      workspace: workspaceResults,
      completion: completionResults,
      cli: cli.result,
      rss: { server10k: probe, benchAfterWorkspaceBytes: afterWorkspace.maxRssBytes, memoryUsageAfterWorkspace: afterWorkspace.memoryUsage, serverPeakBytes: serverPeakRss ?? null, benchWholeRunBytes: endRss },
      targets,
    };
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log('Wrote bench/results.json');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The CLI on the 10,000 reports beside markdownlint, and with `--cache` (see cliScale.ts): its rows and targets. */
function cliSection(ws: { count: number; root: string; reportsDir: string; files: string[] }, scratch: string): { lines: string[]; result: CliScaleResult } {
  log(`The CLI on ${ws.count} reports beside markdownlint, then with --cache (${CLI_ROUNDS} round${CLI_ROUNDS === 1 ? '' : 's'})…`);
  const result = benchCliAtScale(ws.root, ws.reportsDir, ws.files, scratch, CLI_ROUNDS, CLI_SCRIPT, log);
  const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
  const rows = [
    ['markdownlint (sync lint, default rules) over the same files, in one process', s(result.markdownlintMs.median), '', ''],
    ['`node dist/cli.js check .`: wall time', s(result.cliMs.median), x(result.cliVsMarkdownlint),
      target('CLI wall time vs markdownlint, 10,000 reports', `≤ ${TARGETS.cliVsMarkdownlint}×`, x(result.cliVsMarkdownlint), result.cliVsMarkdownlint <= TARGETS.cliVsMarkdownlint)],
    ['  its peak RSS (ru_maxrss of the process, all threads)', bytesName(result.cliRssBytes.max), '',
      target('CLI peak RSS, 10,000 reports', `≤ ${bytesName(TARGETS.cliRssBytes)}`, bytesName(result.cliRssBytes.max), result.cliRssBytes.max <= TARGETS.cliRssBytes)],
    ['`--cache`, first run (empty cache)', s(result.cacheFirstMs.median), '', ''],
    ['`--cache`, run again with nothing changed (median of 3)', s(result.cacheRerunMs.median), `${(result.rerunShareOfFirst * 100).toFixed(1)} %`,
      target('CLI --cache re-run vs first run, 10,000 reports', `≤ ${percent(TARGETS.cacheRerunShare)}`, `${(result.rerunShareOfFirst * 100).toFixed(1)} %`, result.rerunShareOfFirst <= TARGETS.cacheRerunShare)],
  ];
  const lines = [
    `The CLI on the ${ws.count.toLocaleString('en-US')}-report workspace (a process of its own, ${result.findings} findings; medians of ${result.rounds.length} round${result.rounds.length === 1 ? '' : 's'}, ratios of each round's times, peak RSS the largest)`,
    table(['run', 'time / RSS', 'ratio', 'target'], rows),
  ];
  return { lines, result };
}

function completionCases(reportsDir: string, files: string[], count: number): { uri: string; text: string; position: { line: number; character: number } }[] {
  const cases: { uri: string; text: string; position: { line: number; character: number } }[] = [];
  // Reports that have a `## Links` list, spread over the workspace: a new item `- Related to: [` after its last item.
  const withLinks = files.filter((name) => readFileSync(join(reportsDir, name), 'utf8').includes('\n## Links\n'));
  const step = Math.max(1, Math.floor(withLinks.length / count));
  for (let i = 0; i < withLinks.length && cases.length < count; i += step) {
    const lines = readFileSync(join(reportsDir, withLinks[i]), 'utf8').split('\n');
    let last = lines.indexOf('## Links') + 1;
    while (last + 1 < lines.length && lines[last + 1].startsWith('- ')) last++;
    const item = '- Related to: [';
    lines.splice(last + 1, 0, item);
    cases.push({ uri: pathToFileURL(join(reportsDir, withLinks[i])).href, text: lines.join('\n'), position: { line: last + 1, character: item.length } });
  }
  return cases;
}

interface ProbeResult {
  reports: number;
  /** From starting the server to the end of its first scan: a new process, so the code is not warm yet. */
  firstScanMs: number;
  /** VmHWM of the server process once the first scan has finished, and after the completions too. */
  afterIndexBytes: number;
  maxRssBytes: number;
}

/**
 * Peak RSS of the product itself: `node dist/server.js --stdio` on the workspace folder, its first scan, then
 * 20 reports opened (checked), a link completed in each and closed, as in an editor. Read from /proc (VmHWM).
 */
async function serverRssOn(ws: { reportsDir: string; rootUri: string; files: string[]; count: number }): Promise<ProbeResult> {
  // As VS Code does, the client takes completion lists' default edit range.
  const start = now();
  const server = await LspClient.start({ diagnosticsDelay: 0 }, ws.rootUri, ['editRange']);
  try {
    await server.until(() => server.indexing.some((n) => n.state === 'end'), 'the first scan', 120_000);
    const firstScanMs = now() - start;
    const reports = server.indexing.find((n) => n.state === 'end')?.reports ?? 0;
    const afterIndexBytes = server.peakRss() ?? NaN;
    for (const c of completionCases(ws.reportsDir, ws.files, 20)) {
      await server.open(c.uri, c.text);
      const list = await server.completion(c.uri, c.position.line, c.position.character, '[');
      const items = Array.isArray(list) ? list.length : list?.items.length ?? 0;
      if (items === 0) throw new Error(`completion offered no reports of ${ws.count}`);
      await server.close(c.uri);
    }
    return { reports, firstScanMs, afterIndexBytes, maxRssBytes: server.peakRss() ?? NaN };
  } finally {
    await server.stop();
  }
}

interface SizedDocument {
  label: string;
  shape: Shape;
  kb: number;
  text: string;
  bytes: number;
  path: string;
  uri: string;
}

/**
 * One 8D report (default-template shape, the richest) and one post-mortem per size, numbered after the
 * workspace's reports, in its report folder, linking to three of its reports as 8d-tools writes links.
 */
function generateSizedDocuments(sources: Sources, ws: { count: number; reportsDir: string; files: string[] }): SizedDocument[] {
  const documents: SizedDocument[] = [];
  let number = ws.count;
  for (const shape of ['default', 'postmortem'] as const) {
    for (const kb of SIZES_KB) {
      const rng = new Random(seedOf(`${shape}-${kb}`, SEED));
      const title = titleOf(rng, sources);
      number++;
      const links = [0, 1, 2].map(() => {
        const fileName = rng.pick(ws.files);
        const other = readFileSync(join(ws.reportsDir, fileName), 'utf8');
        const otherTitle = /^# \d+: (.*)$/m.exec(other)?.[1] ?? '';
        return linkLine('Related to', { number: Number(fileName.slice(0, 4)), title: otherTitle, fileName });
      });
      const text = generateReport(rng, sources, shape, { number, title, date: '2025-06-02', status: 'In Progress', links }, kb * KB);
      const path = join(ws.reportsDir, `${String(number).padStart(4, '0')}-${slugOf(title)}.md`);
      documents.push({ label: shape === 'postmortem' ? 'post-mortem' : '8D report', shape, kb, text, bytes: Buffer.byteLength(text), path, uri: pathToFileURL(path).href });
    }
  }
  return documents;
}

/** The middle of the prose line nearest the middle of the document (a paragraph inside some section). */
function editPoint(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  const prose = (line: string | undefined) => line !== undefined && /^[A-Za-z]/.test(line) && line.length >= 40;
  for (let d = 0; d < lines.length; d++) {
    for (const i of [mid - d, mid + d]) if (prose(lines[i])) return { line: i, character: Math.floor(lines[i].length / 2) };
  }
  throw new Error('No prose line to edit');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exitCode = 1;
});

/**
 * What one round of "the rules alone" works on: the report with copies of its tree's nodes, since prose readings are
 * remembered by node (and timelines, links and zones by report), and no result remembered by text.
 */
function rulesAloneRound(report: IncidentReport): IncidentReport {
  forgetRememberedTexts();
  const tree = structuredClone(report.tree);
  const copyOf = new Map<RootContent, RootContent>(report.tree.children.map((node, i) => [node, tree.children[i]]));
  const withCopies = <S extends Section>(section: S): S => ({ ...section, content: section.content.map((node) => copyOf.get(node) ?? node) });
  return { ...report, tree, sections: report.sections.map(withCopies), disciplines: report.disciplines.map(withCopies), postmortemSections: report.postmortemSections.map(withCopies) };
}

/** Every rule the language service's check would run on this report (none is over the size limits), as it runs them. */
function runAllRules(report: IncidentReport, uri: string, settings: Settings, workspace: ReportIndex): number {
  if (!report.kind) return 0;
  let findings = 0;
  for (const rule of ALL_RULES) {
    if (rule.id === 'document-size' || settings.rules[rule.id] === 'off' || !rule.kinds.includes(report.kind)) continue;
    if (report.blankTemplate && !rule.checksBlankTemplates) continue;
    findings += rule.check(report, { uri, settings, workspace }).length;
  }
  return findings;
}

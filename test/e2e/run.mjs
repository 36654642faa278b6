#!/usr/bin/env node
// End-to-end tests of the Incident Docs extension inside a real VS Code (the VS Code
// server shipped in the code-server npm package, with the workbench in headless Chromium).
//
// Prerequisites: `bash test/e2e/setup.sh` (cached installs) and `npm run build`.
//
//   node test/e2e/run.mjs [--mode all|host|ui] [--vsix file.vsix] [--ext dir] [--keep] [--verbose]
//
// --mode host  runs the extension-host tests (test/e2e/suite/index.js exports run(), the way
//              @vscode/test-electron loads `extensionTestsPath`); the exit code arrives from
//              the workbench through window.codeAutomationExit.
// --mode ui    opens the workbench as a person would and checks the Problems panel, the
//              output channel and notifications through Playwright; saves a screenshot of the
//              Problems panel to test/e2e/artifacts/screenshot.png.
// --mode all   both (default).
// --vsix F     tests the packaged extension: F is unpacked and its extension/ folder is loaded
//              instead of the repository root.
// --keep       keeps the temporary folder (workspace copy, server and browser profiles, logs).
//
// Exits 0 when everything passed; prints `e2e: N passed, N failed` last.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const CACHE = process.env.INCIDENT_DOCS_E2E_CACHE
  || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'incident-docs-e2e');

let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      mode: { type: 'string', default: process.env.INCIDENT_DOCS_E2E_MODE || 'all' },
      ext: { type: 'string' },
      vsix: { type: 'string' },
      workspace: { type: 'string', default: path.join(HERE, 'workspace') },
      tests: { type: 'string', default: path.join(HERE, 'suite', 'index.js') },
      artifacts: { type: 'string', default: process.env.INCIDENT_DOCS_E2E_ARTIFACTS || path.join(HERE, 'artifacts') },
      timeout: { type: 'string', default: process.env.INCIDENT_DOCS_E2E_TIMEOUT || '300' },
      grep: { type: 'string' },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: !!process.env.INCIDENT_DOCS_E2E_VERBOSE },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (err) {
  console.error(`[e2e] ERROR: ${err.message} (see --help)`);
  process.exit(2);
}
if (opts.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 20).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}

const t0 = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
let tmp = null; // the run's temporary folder, once created
function die(msg) {
  console.error(`[e2e] ERROR: ${msg}`);
  if (tmp && !opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(2);
}

if (!['all', 'host', 'ui'].includes(opts.mode)) die(`--mode must be all, host or ui (got ${opts.mode})`);

// ------------------------------------------------------------------ process tree handling
/** All descendants of `pid` (from /proc), children before grandchildren. */
function descendants(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch { /* process went away */ }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) || []) { out.push(c); queue.push(c); }
  }
  return out;
}
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const signal = (pid, sig) => { try { process.kill(pid, sig); } catch { /* gone */ } };

/** Kills a process, its process group and every descendant; waits until all are gone. */
async function killTree(pid) {
  if (!pid) return;
  const known = new Set([pid]);
  const sweep = (sig) => {
    for (const p of [pid, ...descendants(pid)]) known.add(p);
    signal(-pid, sig); // the process group (the server is started detached)
    for (const p of known) signal(p, sig);
  };
  sweep('SIGTERM');
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && [...known].some(alive)) {
    await new Promise((r) => setTimeout(r, 100));
    for (const p of descendants(pid)) if (!known.has(p)) { known.add(p); signal(p, 'SIGTERM'); }
  }
  sweep('SIGKILL');
  const left = [...known].filter(alive);
  if (left.length) log(`warning: processes still alive after SIGKILL: ${left.join(' ')}`);
}
const cleanups = [];
let cleaningUp = null;
let interrupted = false;
function cleanup() {
  cleaningUp ||= (async () => {
    for (const fn of cleanups.reverse()) { try { await fn(); } catch (err) { log(`cleanup: ${err.message}`); } }
  })();
  return cleaningUp;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { interrupted = true; log(`${sig}: stopping`); cleanup().finally(() => process.exit(130)); });
}

// ------------------------------------------------------------------ helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

function httpGet(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.on('error', () => resolve(0));
    req.on('timeout', () => { req.destroy(); resolve(0); });
  });
}

async function waitUntil(probe, what, timeoutMs, onTimeout) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${onTimeout ? `\n${onTimeout()}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const slug = (s) => s.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

/** Minimal ZIP reader (stored/deflated entries), enough for .vsix files. */
function unzip(file, dest) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28), xlen = buf.readUInt16LE(p + 30), clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    p += 46 + nlen + xlen + clen;
    const target = path.resolve(dest, name);
    if (!target.startsWith(path.resolve(dest) + path.sep)) throw new Error(`unsafe path in zip: ${name}`);
    if (name.endsWith('/')) { fs.mkdirSync(target, { recursive: true }); continue; }
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + csize);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (method === 0) fs.writeFileSync(target, data);
    else if (method === 8) fs.writeFileSync(target, zlib.inflateRawSync(data));
    else throw new Error(`unsupported zip compression ${method} for ${name}`);
  }
}

// ------------------------------------------------------------------ preflight
const currentFile = path.join(CACHE, 'current.json');
if (!fs.existsSync(currentFile)) die(`${currentFile} not found: run \`bash test/e2e/setup.sh\` first`);
const tools = JSON.parse(fs.readFileSync(currentFile, 'utf8'));
for (const k of ['node24', 'serverMain', 'chromium']) {
  if (!fs.existsSync(tools[k])) die(`${tools[k]} (${k}) is missing: run \`bash test/e2e/setup.sh\` again`);
}
const playwright = await loadPlaywright();

tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-docs-e2e-'));
cleanups.push(() => {
  if (opts.keep) log(`kept temporary folder ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
});

let extDir = path.resolve(opts.ext || REPO);
if (opts.vsix) {
  const unpacked = path.join(tmp, 'vsix');
  unzip(path.resolve(opts.vsix), unpacked);
  extDir = path.join(unpacked, 'extension');
  log(`unpacked ${opts.vsix}`);
}
let manifest;
try { manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8')); } catch (err) { die(`no extension at ${extDir}: ${err.message}`); }
if (manifest.main && !fs.existsSync(path.resolve(extDir, manifest.main)) && !fs.existsSync(path.resolve(extDir, manifest.main + '.js'))) {
  die(`${path.resolve(extDir, manifest.main)} does not exist: run \`npm run build\` first`);
}
const runId = new Date().toISOString().replace(/[:.]/g, '-');
const failuresDir = path.join(path.resolve(opts.artifacts), `failures-${runId}`);

async function loadPlaywright() {
  for (const base of [path.join(REPO, 'package.json'), path.join(tools.playwrightCore || '', '..', '..', 'package.json')]) {
    try { return createRequire(base)('playwright-core'); } catch { /* try next */ }
  }
  return die('playwright-core not found (neither in node_modules nor in the setup cache): run `bash test/e2e/setup.sh`');
}

// ------------------------------------------------------------------ the VS Code server
const dirs = {
  workspace: path.join(tmp, 'workspace'),
  userData: path.join(tmp, 'server', 'user-data'),
  extensions: path.join(tmp, 'server', 'extensions'),
  serverData: path.join(tmp, 'server', 'server-data'),
  xdg: path.join(tmp, 'xdg'),
  logs: path.join(tmp, 'logs'),
};
fs.cpSync(path.resolve(opts.workspace), dirs.workspace, { recursive: true });
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
for (const d of ['config', 'cache', 'data', 'state', 'runtime']) fs.mkdirSync(path.join(dirs.xdg, d), { recursive: true, mode: 0o700 });

const settings = {
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'chat.setupFromDialog': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'window.commandCenter': false,
  'editor.accessibilitySupport': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
};
for (const f of [path.join(dirs.userData, 'User', 'settings.json'), path.join(dirs.serverData, 'data', 'Machine', 'settings.json')]) {
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, JSON.stringify(settings, null, 2));
}

const port = await freePort();
const authority = `127.0.0.1:${port}`;
const serverLog = path.join(dirs.logs, 'server.log');
const serverOut = fs.createWriteStream(serverLog);
const eventsFile = path.join(tmp, 'events.jsonl');
const serverEnv = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
  XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
  XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
  XDG_STATE_HOME: path.join(dirs.xdg, 'state'),
  XDG_RUNTIME_DIR: path.join(dirs.xdg, 'runtime'),
  // No extension gallery: the workbench would otherwise query open-vsx.org.
  EXTENSIONS_GALLERY: '{}',
  INCIDENT_DOCS_E2E_EVENTS: eventsFile,
  ...(opts.grep ? { INCIDENT_DOCS_E2E_GREP: opts.grep } : {}),
};
for (const k of Object.keys(serverEnv)) if (/^(VSCODE_|ELECTRON_|npm_)/i.test(k) || k === 'NODE_OPTIONS') delete serverEnv[k];

log(`starting VS Code server ${tools.codeServerVersion ? `(code-server ${tools.codeServerVersion}) ` : ''}on ${authority}`);
const server = spawn(tools.node24, [
  tools.serverMain,
  '--host', '127.0.0.1', '--port', String(port),
  '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
  '--disable-getting-started-override',
  '--user-data-dir', dirs.userData,
  '--extensions-dir', dirs.extensions,
  '--server-data-dir', dirs.serverData,
  '--logsPath', path.join(dirs.logs, 'vscode'),
], { cwd: tmp, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let serverExit = null;
server.on('exit', (code, sig) => { serverExit = { code, sig }; });
for (const stream of [server.stdout, server.stderr]) {
  stream.on('data', (chunk) => {
    serverOut.write(chunk);
    if (opts.verbose) for (const line of String(chunk).split('\n')) if (line.trim()) console.log(`  [server] ${line}`);
  });
}
cleanups.push(async () => { await killTree(server.pid); serverOut.end(); });
process.on('exit', () => { signal(-server.pid, 'SIGKILL'); for (const p of descendants(server.pid)) signal(p, 'SIGKILL'); });

const serverTail = () => {
  try { return fs.readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n'); } catch { return ''; }
};


// ------------------------------------------------------------------ browser
function saveLogs() {
  try {
    fs.mkdirSync(failuresDir, { recursive: true });
    fs.cpSync(dirs.logs, path.join(failuresDir, 'logs'), { recursive: true });
  } catch { /* best effort */ }
}

async function launchBrowser(name) {
  if (cleaningUp) throw new Error('interrupted');
  const profile = path.join(tmp, `chromium-${name}`);
  fs.mkdirSync(profile, { recursive: true });
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: tools.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
    viewport: { width: 1440, height: 900 },
    // Our own signal handlers close the browser and kill the server; Playwright's would exit first.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'), XDG_CACHE_HOME: path.join(dirs.xdg, 'cache') },
  });
  cleanups.push(() => context.close().catch(() => {}));
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(30000);
  return { context, page };
}

function workbenchUrl(payload) {
  const q = new URLSearchParams({ folder: dirs.workspace, payload: JSON.stringify(payload) });
  return `http://${authority}/?${q}`;
}

function remote(p) { return `vscode-remote://${authority}${p}`; }

async function screenshot(page, name) {
  fs.mkdirSync(failuresDir, { recursive: true });
  const file = path.join(failuresDir, `${slug(name)}.png`);
  try { await page.screenshot({ path: file }); log(`screenshot: ${file}`); } catch (err) { log(`screenshot failed: ${err.message}`); }
  return file;
}

// ------------------------------------------------------------------ extension-host tests
const WORKBENCH_NOISE = new RegExp([
  '^Resolv(ing|ed) connection token', '^Creating a socket', '^\\[reconnection-grace-time\\]',
  '^Updating additional builtin extensions cache', '^\\[Service Worker\\]', '^\\[AgentHost', '^\\[AccountPolicyGate\\]',
  'ENOTFOUND', 'No extension gallery service configured', '^Ignoring fetching additional builtin extensions from gallery',
  // The workbench resolves the user settings file twice in the remote extension host (harmless).
  "document '[^']*/User/settings\\.json already exists!", "Unable to retrieve document from URI '[^']*/User/settings\\.json'",
].join('|'));

async function runHostTests() {
  const { page } = await launchBrowser('host');
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? args.map(String).join(' ') : String(args);
    fs.appendFileSync(path.join(dirs.logs, 'workbench.log'), `[${type}] ${text}\n`);
    // The extension host's console (the test runner's report) arrives here, mixed with
    // the workbench's own log; the latter's routine chatter is only in workbench.log.
    if (opts.verbose || (!/^(trace|debug)$/.test(type) && !WORKBENCH_NOISE.test(text))) {
      for (const line of text.split('\n')) console.log(`  ${line}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    for (const { relativePath, contents } of logs || []) {
      const f = path.join(dirs.logs, 'workbench-logs', relativePath);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, contents);
    }
    resolveExit(code);
  });
  page.on('pageerror', (err) => fs.appendFileSync(path.join(dirs.logs, 'browser-console.log'), `[pageerror] ${err.stack || err}\n`));
  page.on('console', (msg) => {
    fs.appendFileSync(path.join(dirs.logs, 'browser-console.log'), `[${msg.type()}] ${msg.text()}\n`);
    if (opts.verbose) console.log(`  [browser ${msg.type()}] ${msg.text()}`);
  });

  // Failures reported by the runner (suite/runner.js) while the workbench still shows them.
  let seen = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      let lines = [];
      try { lines = fs.readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean); } catch { /* not yet */ }
      for (; seen < lines.length; seen++) {
        const ev = JSON.parse(lines[seen]);
        if (ev.type === 'fail') {
          await screenshot(page, `host-${String(ev.n).padStart(2, '0')}-${ev.name}`);
          fs.writeFileSync(`${eventsFile}.ack-${ev.n}`, '');
        }
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  })();

  const payload = [
    ['extensionDevelopmentPath', remote(extDir)],
    ['extensionTestsPath', remote(path.resolve(opts.tests))],
    ['enableProposedApi', ''],
  ];
  log(`extension-host tests: ${path.relative(REPO, path.resolve(opts.tests)) || opts.tests} against ${extDir}`);
  await page.goto(workbenchUrl(payload));
  const timeoutMs = Number(opts.timeout) * 1000;
  let timer;
  const code = await Promise.race([
    exited,
    new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); }),
    new Promise((r) => {
      const t = setInterval(() => { if (serverExit) { clearInterval(t); r('server-exit'); } }, 500);
      exited.then(() => clearInterval(t));
    }),
  ]);
  clearTimeout(timer);
  polling = false;
  await poller;

  // Tally from the runner's events (suite/runner.js); none when the tests never started.
  let events = [];
  try { events = fs.readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)); } catch { /* none */ }
  const failedTests = events.filter((e) => e.type === 'fail').length;
  results.passed += events.filter((e) => e.type === 'pass').length;
  results.failed += failedTests;

  if (code === 'timeout' || code === 'server-exit') {
    await screenshot(page, `host-${code}`);
    results.failed++;
    log(code === 'timeout' ? `extension-host tests did not finish within ${opts.timeout}s` : `the VS Code server exited during the tests:\n${serverTail()}`);
    saveLogs();
    return;
  }
  log(`extension-host tests exited with code ${code}`);
  if (code !== 0) {
    if (failedTests === 0) results.failed++; // failed before or outside the runner
    saveLogs();
  }
}

// ------------------------------------------------------------------ UI checks through Playwright
async function runUiChecks() {
  const { page } = await launchBrowser('ui');
  page.on('console', (msg) => fs.appendFileSync(path.join(dirs.logs, 'browser-console-ui.log'), `[${msg.type()}] ${msg.text()}\n`));
  const check = async (name, fn) => {
    const started = Date.now();
    try {
      await fn();
      results.passed++;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      results.failed++;
      console.log(`  ✗ ${name}\n${String(err && err.stack || err).split('\n').slice(0, 8).map((l) => `      ${l}`).join('\n')}`);
      await screenshot(page, `ui-${name}`);
    }
  };
  const mod = 'Control';
  /** F1, the command's title, Enter; if a menu or toast held the focus and the palette did not list it, close and ask again. */
  const runCommand = async (label) => {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${label}`);
      try {
        await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: attempt < 3 ? 8000 : 30000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await page.keyboard.press('Enter');
  };

  log('UI checks: opening the workbench');
  await page.goto(workbenchUrl([['extensionDevelopmentPath', remote(extDir)]]));
  console.log('UI checks');

  await check('the workbench loads', async () => {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.explorer-folders-view, .part.sidebar').first().waitFor({ timeout: 60000 });
  });

  await check('the 0004 report opens from Quick Open', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
    await page.keyboard.press(`${mod}+P`);
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('0004-intermittent');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '0004-intermittent' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: '0004-intermittent' }).first().waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: 'Intermittent Modbus timeouts' }).first().waitFor();
  });

  await check('the Problems panel lists "Missing section D3" from incident-docs', async () => {
    await page.keyboard.press(`${mod}+Shift+M`);
    const row = page.locator('.markers-panel .monaco-list-row[aria-label*="Missing section D3: Interim containment action"]').first();
    await row.waitFor({ timeout: 60000 });
    const label = await row.getAttribute('aria-label');
    if (!/incident-docs/.test(label || '')) throw new Error(`row does not name the source incident-docs: ${label}`);
    await page.locator('.markers-panel .monaco-list-row[aria-label*="Missing section D6"]').first().waitFor();
    fs.mkdirSync(path.resolve(opts.artifacts), { recursive: true });
    const shot = path.join(path.resolve(opts.artifacts), 'screenshot.png');
    await page.screenshot({ path: shot });
    log(`screenshot of the Problems panel: ${path.relative(process.cwd(), shot)}`);
  });

  await check('Ctrl+. on the title line offers "Insert D3: Interim containment action"', async () => {
    const item = page.locator('.action-widget .monaco-list-row, .context-view .monaco-list-row', { hasText: 'Insert D3: Interim containment action' }).first();
    // The editor must have focus on the title line when the keys arrive; ask again if the menu did not open.
    for (let attempt = 1; ; attempt++) {
      await page.locator('.monaco-editor .view-lines .view-line', { hasText: 'Intermittent Modbus timeouts' }).first().click();
      await page.keyboard.press(`${mod}+Home`);
      await page.keyboard.press(`${mod}+.`);
      try {
        await item.waitFor({ timeout: attempt < 3 ? 8000 : 30000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
    const shot = path.join(path.resolve(opts.artifacts), 'quick-fix.png');
    await page.screenshot({ path: shot });
    log(`screenshot of the quick-fix menu: ${path.relative(process.cwd(), shot)}`);
    await page.keyboard.press('Escape');
  });

  await check('the "Incident Docs" output channel exists and holds no error', async () => {
    // The label ends in "..." or "…" depending on the VS Code build: match without it.
    await runCommand('Output: Show Output Channels');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Incident Docs' }).first().waitFor();
    // Filter the picker down to our channel before choosing it: the first row is another extension's.
    await page.locator('.quick-input-widget input').fill('Incident Docs');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Incident Docs' }).first().waitFor();
    await page.keyboard.press('Enter');
    // The channel opens in the Output view: it holds the start-up line and no error from the server.
    const output = page.locator('.output-view .view-lines, .panel .monaco-editor .view-lines').filter({ hasText: 'Incident Docs started' }).first();
    await output.waitFor();
    const text = await output.innerText();
    if (/\[Error|Error -|crashed/i.test(text)) throw new Error(`the output channel holds an error:\n${text}`);
  });

  await check('no error notification from the extension', async () => {
    const messages = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
    const bad = messages.filter((m) => /incident|8d|language server|server crashed|couldn't start|failed/i.test(m));
    if (bad.length) throw new Error(`notifications: ${JSON.stringify(bad)}`);
  });

  await runCommandChecks(page, check, runCommand, mod);
}

/**
 * Answers the quick input once it shows `expect` (its title or prompt text, or its placeholder): types into it and
 * accepts the focused matching item, or the typed value. Waiting for `expect` keeps the keys out of the widget before.
 */
async function answer(page, expect, text, expectRow = true) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator(`input[placeholder*="${expect}"]`).or(widget.filter({ hasText: expect })).first().waitFor({ state: 'visible' });
  const input = page.locator('.quick-input-widget input');
  await input.fill(text);
  if (expectRow) await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** A message the extension showed: as a toast, or (toasts fade) in the notification center. */
async function notification(page, pattern) {
  const message = (root) => page.locator(`${root} .notification-list-item-message`).filter({ hasText: pattern }).first();
  try {
    await message('.notifications-toasts').waitFor({ timeout: 5000 });
  } catch {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').fill('>Notifications: Show Notifications');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' }).first().waitFor();
    await page.keyboard.press('Enter');
    await message('.notifications-center').waitFor({ timeout: 10000 });
    await page.keyboard.press('Escape');
  }
}

/** Each palette command as a user runs it: F1, the command, the questions it asks, and what appears. */
async function runCommandChecks(page, check, runCommand, mod) {
  const editorText = (pattern) => page.locator('.monaco-editor .view-lines').filter({ hasText: pattern }).first().waitFor();
  /** Opens a file with Quick Open and waits until its editor shows `text` and has the focus (menus depend on it). */
  const openFile = async (name, text) => {
    await page.keyboard.press(`${mod}+P`);
    await answer(page, 'Search files', name);
    await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor();
    await page.locator('.monaco-editor .view-lines .view-line', { hasText: text }).first().click();
  };

  await check('palette: Initialize Report Folder says where the existing folder is', async () => {
    await runCommand('Incident Docs: Initialize Report Folder');
    await answer(page, 'Folder for the reports', 'docs/8d', false);
    await notification(page, 'already has a report folder: reports');
  });

  await check('palette: New 8D Report… creates 0006 from the simple template and opens it', async () => {
    await runCommand('Incident Docs: New 8D Report');
    await answer(page, 'Title of the report', 'Paint blisters on the lid', false);
    await answer(page, 'Template', 'simple');
    await answer(page, 'Supersede or link', 'No link');
    await page.locator('.tabs-container .tab', { hasText: '0006-paint-blisters-on-the-lid.md' }).first().waitFor();
    await editorText('6: Paint blisters on the lid');
  });

  await check('palette: New Post-mortem… offers the post-mortem template first', async () => {
    await runCommand('Incident Docs: New Post-mortem');
    await answer(page, 'Title of the report', 'Checkout outage', false);
    await page.locator('.quick-input-widget input[placeholder*="Template"]').waitFor();
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await first.waitFor();
    if (!(await first.innerText()).includes('postmortem')) throw new Error(`first template: ${await first.innerText()}`);
    await page.keyboard.press('Enter');
    await answer(page, 'Supersede or link', 'No link');
    await page.locator('.tabs-container .tab', { hasText: '0007-checkout-outage.md' }).first().waitFor();
    await editorText('Timeline');
  });

  await check('palette: Supersede Report… links 0007 to 0006 both ways', async () => {
    await runCommand('Incident Docs: Supersede Report');
    await answer(page, 'Report that this one supersedes', 'Paint blisters');
    await notification(page, 'supersedes 0006-paint-blisters-on-the-lid.md');
    await editorText('Supersedes: [6: Paint blisters on the lid]');
  });

  await check('palette: Link Report… with a relation picked from the list', async () => {
    await openFile('0005-enclosure', 'Enclosure gasket cracking');
    await runCommand('Incident Docs: Link Report');
    await answer(page, 'This report', 'Related to');
    await answer(page, 'Report that this one', 'Solder voids');
    await notification(page, 'related to 0002-solder-voids');
    await editorText('Related to: [2: Solder voids');
  });

  await check('palette: Insert Missing Sections fills in D3 and D6 of 0004', async () => {
    await openFile('0004-intermittent', 'Intermittent Modbus timeouts');
    await runCommand('Incident Docs: Insert Missing Sections');
    await notification(page, 'Inserted the missing sections');
    // The sections go far below the top of the report: the Problems panel shows they are no longer missing.
    await page.keyboard.press(`${mod}+Shift+M`);
    await page.locator('.markers-panel .monaco-list-row[aria-label*="Section D5 is empty"]').first().waitFor();
    await page.locator('.markers-panel .monaco-list-row[aria-label*="Missing section D3"]').waitFor({ state: 'detached' });
    await page.locator('.markers-panel .monaco-list-row[aria-label*="Missing section D6"]').waitFor({ state: 'detached' });
  });

  await check('palette: Regenerate Report Index lists the new reports in the README', async () => {
    await runCommand('Incident Docs: Regenerate Report Index');
    await notification(page, /Index of \d+ reports written|up to date/);
    await openFile('README.md', '8D Problem-Solving Reports');
    await editorText('7: Checkout outage');
  });

  await check('palette: Show Report Graph opens a Mermaid graph', async () => {
    await runCommand('Incident Docs: Show Report Graph');
    await editorText('graph LR');
    await editorText('supersedes');
  });
}

// ------------------------------------------------------------------ main
let exitCode = 0;
const results = { passed: 0, failed: 0 };
try {
  await waitUntil(async () => {
    if (serverExit) throw new Error(`the VS Code server exited (${JSON.stringify(serverExit)}):\n${serverTail()}`);
    return (await httpGet(`http://${authority}/version`)) === 200;
  }, 'the VS Code server to answer /version', 60000, serverTail);
  log('server is up');

  if (opts.mode === 'all' || opts.mode === 'host') await runHostTests();
  if ((opts.mode === 'all' || opts.mode === 'ui') && !interrupted) await runUiChecks();
} catch (err) {
  results.failed++;
  console.error(`[e2e] ERROR: ${err && err.stack || err}`);
  saveLogs();
} finally {
  await cleanup();
}
if (interrupted) process.exit(130);
if (results.failed > 0) exitCode = 1;
if (fs.existsSync(failuresDir)) log(`failure screenshots and logs: ${failuresDir}`);
log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
console.log(`e2e: ${results.passed} passed, ${results.failed} failed`);
process.exit(exitCode);

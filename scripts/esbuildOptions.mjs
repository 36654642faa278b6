// The esbuild options every bundle of this project shares (extension, server, CLI, tests, benchmark).
export const commonOptions = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  // Templates (*.md) are bundled as text so that what "new report" writes is what the rules check.
  loader: { '.md': 'text' },
  // Prefer packages' ES module builds: some UMD builds (jsonc-parser) load their parts with a require esbuild cannot follow.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

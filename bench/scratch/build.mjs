import { build } from 'esbuild';
import { commonOptions } from '../../scripts/esbuildOptions.mjs';
await build({ entryPoints: [process.argv[2]], outfile: process.argv[3], ...commonOptions });

// Builds the huashu command to plain JavaScript in dist/ (run at install and by `npm run build:cli`), so that it starts
// without a TypeScript loader: dist/cli.mjs, the audit's worker dist/audit-worker.mjs, and the HTML report's chart
// library dist/audit-charts.js. Each file is written beside and then renamed, so a command started meanwhile never
// reads half a file.
import { renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const node = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.12',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // papaparse and the other CommonJS packages call require(); ESM output needs it defined.
  banner: {
    js: "import { createRequire as __huashuRequire } from 'node:module'; const require = __huashuRequire(import.meta.url);",
  },
};
const outputs = [
  { ...node, entryPoints: [join(root, 'cli/main.ts')], outfile: join(out, 'cli.mjs') },
  { ...node, entryPoints: [join(root, 'cli/audit/worker.ts')], outfile: join(out, 'audit-worker.mjs') },
  {
    entryPoints: [join(root, 'cli/audit/charts-entry.ts')],
    outfile: join(out, 'audit-charts.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  },
];
const tag = `.${process.pid}.tmp`;
await Promise.all(outputs.map((options) => build({ ...options, outfile: options.outfile + tag })));
for (const { outfile } of outputs) renameSync(outfile + tag, outfile);

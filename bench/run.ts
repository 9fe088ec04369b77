// Prints every benchmark's table: detection, then lint, pack validation and end-to-end latency when those benchmarks exist.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchDetect } from './detect.bench.ts';
import { printTable, type BenchRow } from './table.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Imports an optional benchmark module, or says that it is skipped. */
async function optionalBench(
  file: string,
  exportName: string,
): Promise<(() => BenchRow[] | Promise<BenchRow[]>) | undefined> {
  const path = join(here, file);
  if (!existsSync(path)) {
    console.log(`\n(bench/${file} not present: skipped)`);
    return undefined;
  }
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const bench = module[exportName];
  if (typeof bench !== 'function') {
    console.log(`\n(bench/${file} has no ${exportName}(): skipped)`);
    return undefined;
  }
  return bench as () => BenchRow[] | Promise<BenchRow[]>;
}

printTable('Scenario detection, per message', benchDetect());
const benchLint = await optionalBench('lint.bench.ts', 'benchLint');
if (benchLint) printTable('Draft lint, per call', await benchLint());
const benchLearnedLint = await optionalBench('lint.bench.ts', 'benchLearnedLint');
if (benchLearnedLint) printTable('Draft lint with the learned reader, per call', await benchLearnedLint());
const benchValidate = await optionalBench('validate.bench.ts', 'benchValidate');
if (benchValidate) printTable('Pack validation of a broken pack, per file', await benchValidate());
const benchEndToEnd = await optionalBench('e2e.bench.ts', 'benchEndToEnd');
if (benchEndToEnd) printTable('End to end, real Chromium', await benchEndToEnd());
const benchExpansion = await optionalBench('expansion.bench.ts', 'benchExpansion');
if (benchExpansion) printTable('Expansion picker search, per keystroke', await benchExpansion());
const benchHostileInput = await optionalBench('hostile-input.bench.ts', 'benchHostileInput');
if (benchHostileInput) printTable('Worst cases: hostile input, typing, long conversations', await benchHostileInput());
const benchLoad = await optionalBench('load.bench.ts', 'benchLoad');
if (benchLoad)
  printTable('Load, real Chromium: long tasks (median and longest), with Huashu and without', await benchLoad());
const benchAuditRun = await optionalBench('audit.bench.ts', 'benchAudit');
if (benchAuditRun)
  printTable(
    'huashu audit: whole run over a generated export (engine start included), messages per second',
    await benchAuditRun(),
  );
const benchStartup = await optionalBench('startup.bench.ts', 'benchStartup');
if (benchStartup)
  printTable(
    'Size (KiB, in the median column) and page load → first detection, beside a baseline build',
    await benchStartup(),
  );

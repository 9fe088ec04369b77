// Bundles the demo helpdesk (demo/main.ts and one chunk per editor) into demo/dist with esbuild.
import { build } from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const demoDir = join(projectRoot, 'demo');
export const demoDistDir = join(demoDir, 'dist');

/** Source folders whose changes make demo/dist stale. */
const demoSources = [demoDir, join(projectRoot, 'utils', 'composer'), join(projectRoot, 'sites', 'types.ts')];

function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (path === demoDir && entry === 'dist') continue;
    newest = Math.max(newest, newestModification(join(path, entry)));
  }
  return newest;
}

/** True when demo/dist is missing or older than a source it is built from. */
export function isDemoBuildStale(): boolean {
  const builtEntry = join(demoDistDir, 'main.js');
  if (!existsSync(builtEntry)) return true;
  const builtAt = statSync(builtEntry).mtimeMs;
  return demoSources.some((source) => existsSync(source) && newestModification(source) > builtAt);
}

export async function buildDemo(): Promise<void> {
  await build({
    absWorkingDir: projectRoot,
    entryPoints: [join(demoDir, 'main.ts')],
    outdir: demoDistDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'chrome120',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    // Draft.js and React read these Node-isms at load time.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  await buildDemo();
  console.log(`Demo built into ${demoDistDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

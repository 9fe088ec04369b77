// Builds the extension once per test run (shared by parallel test files through a lock) and launches Chromium with it loaded.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionOutDir = join(projectRoot, '.output', 'chrome-mv3');
/** The Firefox build (MV2, sidebar instead of side panel). */
const firefoxOutDir = join(projectRoot, '.output', 'firefox-mv2');

/** Everything that goes into the bundle: when none of it is newer than the manifest, the last build stands. */
const SOURCE_ROOTS = [
  'entrypoints',
  'content',
  'composer',
  'components',
  'engine',
  'sites',
  'library',
  'utils',
  'locales',
  'public',
  'data/packs',
];
// package-lock.json: another locked version of WXT, Vite or a bundled library is another bundle.
const SOURCE_FILES = ['wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const STALE_LOCK_MS = 5 * 60_000;

/** The newest modification time of everything a build depends on under `root` (exported for its test). */
export function newestSourceTime(root: string = projectRoot): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else newest = Math.max(newest, info.mtimeMs);
  };
  for (const folder of SOURCE_ROOTS) visit(join(root, folder));
  for (const file of SOURCE_FILES) visit(join(root, file));
  return newest;
}

function isBuildFresh(outDir: string): boolean {
  const manifest = join(outDir, 'manifest.json');
  return existsSync(manifest) && statSync(manifest).mtimeMs > newestSourceTime();
}

function tryLock(lockFile: string): boolean {
  try {
    const fd = openSync(lockFile, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    // A lock left by a build that died long ago does not block forever.
    if (existsSync(lockFile) && Date.now() - statSync(lockFile).mtimeMs > STALE_LOCK_MS) {
      rmSync(lockFile, { force: true });
    }
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const builds = new Map<string, Promise<string>>();

/** `npx wxt build [-b firefox]` unless the output folder is newer than every source file; resolves to the built folder. */
function buildOnceFor(browser: 'chrome' | 'firefox'): Promise<string> {
  const outDir = browser === 'chrome' ? extensionOutDir : firefoxOutDir;
  const lockFile = join(projectRoot, '.output', `.build-${browser}.lock`);
  const running = builds.get(browser);
  if (running) return running;
  const build = (async () => {
    mkdirSync(join(projectRoot, '.output'), { recursive: true });
    for (;;) {
      if (isBuildFresh(outDir)) return outDir;
      if (tryLock(lockFile)) break;
      // Another test file is building: wait for it, then use its output.
      await sleep(500);
    }
    const args = browser === 'chrome' ? ['wxt', 'build'] : ['wxt', 'build', '-b', 'firefox'];
    try {
      if (!isBuildFresh(outDir)) {
        execFileSync('npx', args, { cwd: projectRoot, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
      }
    } catch (error) {
      const output = (error as { stdout?: Buffer; stderr?: Buffer }).stdout?.toString() ?? '';
      const errors = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`The extension build failed (npx ${args.join(' ')}):\n${output}\n${errors}`);
    } finally {
      try {
        unlinkSync(lockFile);
      } catch {
        // Already gone.
      }
    }
    return outDir;
  })();
  builds.set(browser, build);
  return build;
}

/** The Chrome build in .output/chrome-mv3, built once per test run (see buildOnceFor). */
export function buildExtension(): Promise<string> {
  return buildOnceFor('chrome');
}

/** The Firefox build in .output/firefox-mv2, built once per test run. */
export function buildFirefoxExtension(): Promise<string> {
  return buildOnceFor('firefox');
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Chromium with the built extension loaded, in a throwaway profile: headless unless asked (the demo opens a window). */
export async function launchWithExtension(
  extensionDir: string = extensionOutDir,
  options: { headless?: boolean; args?: string[] } = {},
): Promise<ExtensionBrowser> {
  const executablePath = chromiumPath();
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: call buildExtension() first (or run \`npx wxt build\`).`);
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'huashu-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: options.headless ?? true,
    args: [
      ...CHROMIUM_ARGS,
      ...(options.args ?? []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      close: async () => {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw new Error(
      `Chromium started but the extension's service worker never did (is ${extensionDir} a valid build?): ${String(error)}`,
    );
  }
}

// The built extensions keep the README's promises: exactly the permissions it lists, no remote code, no eval, a clean addons-linter run.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, buildFirefoxExtension } from '../../tools/browser/extension.ts';
import { bundledCueLists, bundledPinyinTable, bundledTraditionalTable } from '../../engine/index.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  content_security_policy?: unknown;
  web_accessible_resources?: unknown[];
}

let chromeDir: string;
let firefoxDir: string;

beforeAll(async () => {
  chromeDir = await buildExtension();
  firefoxDir = await buildFirefoxExtension();
}, 300_000);

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

/** The permissions table of the README's "Privacy and security" section: each backticked name in its first column. */
function readmePermissions(): {
  plain: Set<string>;
  hosts: Set<string>;
  contentScript: Set<string>;
  optional: Set<string>;
} {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Privacy and security'),
    readme.indexOf('\n## ', readme.indexOf('## Privacy and security') + 5),
  );
  const table = section.slice(section.indexOf('| permission | why |'));
  const rows = table
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| permission'));
  const result = {
    plain: new Set<string>(),
    hosts: new Set<string>(),
    contentScript: new Set<string>(),
    optional: new Set<string>(),
  };
  for (const row of rows) {
    const first = row.split(' | ')[0]!.slice(2);
    const names = [...first.matchAll(/`([^`]+)`/gu)].map((m) => m[1]!);
    const into = first.startsWith('optional')
      ? result.optional
      : first.startsWith('content script')
        ? result.contentScript
        : names.every((n) => n.includes('://'))
          ? result.hosts
          : result.plain;
    for (const name of names) into.add(name);
  }
  return result;
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('the built manifests', () => {
  it('asks for exactly the permissions the README lists (Chrome)', () => {
    const manifest = readManifest(chromeDir);
    const documented = readmePermissions();
    expect(sorted(manifest.permissions ?? [])).toEqual(sorted(documented.plain));
    expect(sorted(manifest.host_permissions ?? [])).toEqual(sorted(documented.hosts));
    expect(sorted(manifest.optional_host_permissions ?? [])).toEqual(sorted(documented.optional));
    const matches = new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches));
    expect(sorted(matches)).toEqual(sorted([...documented.contentScript, ...documented.hosts]));
  });

  it('asks for exactly the permissions the README lists (Firefox: hosts among the permissions, no side panel)', () => {
    const manifest = readManifest(firefoxDir);
    const documented = readmePermissions();
    const expected = [...documented.plain].filter((permission) => permission !== 'sidePanel');
    expect(sorted(manifest.permissions ?? [])).toEqual(sorted([...expected, ...documented.hosts]));
    expect(sorted(manifest.optional_permissions ?? [])).toEqual(sorted(documented.optional));
  });

  it('keeps the default content security policy and exposes only the page bridge to pages', () => {
    for (const dir of [chromeDir, firefoxDir]) {
      const manifest = readManifest(dir);
      expect(manifest.content_security_policy, dir).toBeUndefined();
      expect(JSON.stringify(manifest.web_accessible_resources)).not.toMatch(/\.(html|json)"/u);
      expect(JSON.stringify(manifest.web_accessible_resources)).toContain('page-bridge.js');
    }
  });

  it('lets pages load the page bridge only at its per-session address, and only web pages (Chrome)', () => {
    // Without use_dynamic_url any site could fetch chrome-extension://<id>/page-bridge.js to learn Huashu is installed.
    expect(readManifest(chromeDir).web_accessible_resources).toEqual([
      { resources: ['page-bridge.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ]);
  });

  it("keeps Firefox's plain MV2 list (random add-on address per installation), without keys MV2 does not know", () => {
    expect(readManifest(firefoxDir).web_accessible_resources).toEqual(['page-bridge.js']);
  });
});

/** URL literals a bundle may hold without loading anything from them: XML namespaces, WXT's docs in its error texts, host patterns, the example address in the Sites section's hints (example.com is reserved: RFC 2606). */
const HARMLESS_URLS = [
  /^http:\/\/www\.w3\.org\/(1998\/Math\/MathML|1999\/xhtml|2000\/svg|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/)$/u,
  /^https:\/\/(wxt\.dev|github\.com\/wxt-dev)\//u,
  /^https?:\/\/(localhost|127\.0\.0\.1)\/$/u,
  /^https:\/\/(app\.chatwoot\.com|app\.crisp\.chat|www\.weiyuai\.cn\/agent)\/$/u,
  /^https?:\/\/$/u,
  /^https:\/\/support\.example\.com\.?$/u,
];

describe('the built code', () => {
  it('has no remote code and no eval', () => {
    const problems: string[] = [];
    for (const dir of [chromeDir, firefoxDir]) {
      for (const file of filesOf(dir).filter((path) => /\.(js|html)$/u.test(path))) {
        const code = readFileSync(file, 'utf8');
        const where = relative(projectRoot, file);
        const checks: [RegExp, string][] = [
          [/(?<![\w$.])eval\s*\(/u, 'eval('],
          [/new\s+Function\s*\(/u, 'new Function('],
          [/(?<![\w$.])Function\s*\(\s*["'`]/u, 'Function("…")'],
          [/set(Timeout|Interval)\s*\(\s*["'`]/u, 'a string timer'],
          [/importScripts\s*\(/u, 'importScripts('],
          [/import\s*\(\s*["'`]https?:/u, 'a remote import()'],
          [/<script[^>]+src=["']?(https?:)?\/\//u, 'a remote <script>'],
          [/document\.write\s*\(/u, 'document.write('],
        ];
        for (const [pattern, what] of checks) if (pattern.test(code)) problems.push(`${where}: ${what}`);
        for (const [url] of code.matchAll(/https?:\/\/[\w.\-/]*/gu)) {
          if (!HARMLESS_URLS.some((allowed) => allowed.test(url))) problems.push(`${where}: URL ${url}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('lints clean with addons-linter (the linter of web-ext and addons.mozilla.org)', () => {
    const bin = join(projectRoot, 'node_modules', '.bin', 'addons-linter');
    let output: string;
    try {
      output = execFileSync(bin, ['--output', 'json', firefoxDir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // It exits non-zero when it finds errors; the JSON report is still on stdout.
      output = (error as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(output) as {
      errors: { code: string; file?: string }[];
      warnings: { code: string; file?: string; message: string }[];
    };
    expect(report.errors).toEqual([]);
    // The only warnings are Preact's own dangerouslySetInnerHTML branch, bundled; our code never takes that path
    // (eslint bans dangerouslySetInnerHTML and innerHTML in product code).
    const unexpected = report.warnings.filter((warning) => warning.code !== 'UNSAFE_VAR_ASSIGNMENT');
    expect(unexpected).toEqual([]);
    for (const warning of report.warnings) {
      const file = readFileSync(join(firefoxDir, warning.file ?? ''), 'utf8');
      expect(file, `${warning.file}: ${warning.message}`).toContain('dangerouslySetInnerHTML');
    }
  });
});

describe('the content script that runs in every helpdesk tab', () => {
  it('leaves the pinyin and character tables and the cue lists to storage, and stays under 100 KiB gzip', () => {
    for (const dir of [chromeDir, firefoxDir]) {
      const script = readFileSync(join(dir, 'content-scripts/helpdesk.js'));
      const code = script.toString('utf8');
      // A run of each table long enough to be found only where the table itself is bundled.
      expect(code).not.toContain(bundledPinyinTable()!.slice(0, 60));
      expect(code).not.toContain(bundledTraditionalTable()!.slice(0, 60));
      expect(code).not.toContain(JSON.stringify(bundledCueLists()!.emotion.sarcasm.slice(0, 4)).slice(1, -1));
      expect(code).not.toContain(JSON.stringify(bundledCueLists()!.shapes['what-on-earth']!.slice(0, 3)).slice(1, -1));
      expect(code).not.toContain('石沉大海');
      expect(gzipSync(script).length, dir).toBeLessThanOrEqual(100 * 1024);
      // Chromium refuses to load a content script holding a Unicode noncharacter (U+FFFF and the like) as not UTF-8.
      expect(code, dir).not.toMatch(/[\uFDD0-\uFDEF\uFFFE\uFFFF]/u);
    }
    // The background publishes them: it carries both.
    const background = readFileSync(join(chromeDir, 'background.js'), 'utf8');
    expect(background).toContain(bundledTraditionalTable()!.slice(0, 60));
    expect(background).toContain(JSON.stringify(bundledCueLists()!.emotion.sarcasm.slice(0, 4)).slice(1, -1));
  });
});

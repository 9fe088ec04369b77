// The e2e build counts as fresh only while nothing it is made from changed: sources, configuration and the locked dependencies.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newestSourceTime } from '../../tools/browser/extension.ts';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A project folder with one source file and the three configuration files, all dated `seconds` after the epoch. */
function project(seconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-freshness-'));
  mkdirSync(join(dir, 'engine'));
  for (const file of ['engine/detect.ts', 'wxt.config.ts', 'package.json', 'package-lock.json']) {
    writeFileSync(join(dir, file), '');
    utimesSync(join(dir, file), seconds, seconds);
  }
  return dir;
}

describe('newestSourceTime', () => {
  it('follows a source file', () => {
    root = project(1_000);
    utimesSync(join(root, 'engine/detect.ts'), 2_000, 2_000);
    expect(newestSourceTime(root)).toBe(2_000_000);
  });

  it('follows package-lock.json: another locked version of a dependency is another build', () => {
    root = project(1_000);
    utimesSync(join(root, 'package-lock.json'), 3_000, 3_000);
    expect(newestSourceTime(root)).toBe(3_000_000);
  });

  // The content runtime, the editor insertion and the pack library are bundled into the content script and the pages.
  it.each(['content/send-guard.ts', 'composer/insert.ts', 'library/policy.ts'])(
    'follows %s, a folder the entrypoints import',
    (file) => {
      root = project(1_000);
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
      utimesSync(join(root, file), 4_000, 4_000);
      expect(newestSourceTime(root)).toBe(4_000_000);
    },
  );
});

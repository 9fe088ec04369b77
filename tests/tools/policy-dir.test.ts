// The policy e2e's folder handling, on a temporary folder: probing creates nothing, setup creates it, cleanup removes only what setup made.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canWritePolicies, createPolicyDir } from '../../tools/browser/policy-dir.ts';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the managed policy folder', () => {
  it('is probed without being created', () => {
    root = mkdtempSync(join(tmpdir(), 'huashu-policy-dir-'));
    const dir = join(root, 'chromium', 'policies', 'managed');
    expect(canWritePolicies(dir)).toBe(true);
    expect(existsSync(join(root, 'chromium'))).toBe(false);
  });

  it('is created in setup and removed with its new parents afterwards, leaving the folder that was there', () => {
    root = mkdtempSync(join(tmpdir(), 'huashu-policy-dir-'));
    const dir = join(root, 'chromium', 'policies', 'managed');
    const cleanup = createPolicyDir(dir);
    expect(existsSync(dir)).toBe(true);
    cleanup();
    expect(existsSync(join(root, 'chromium'))).toBe(false);
    expect(existsSync(root)).toBe(true);
  });

  it('keeps a policy somebody else deployed there', () => {
    root = mkdtempSync(join(tmpdir(), 'huashu-policy-dir-'));
    const dir = join(root, 'managed');
    const cleanup = createPolicyDir(dir);
    writeFileSync(join(dir, 'other.json'), '{}');
    cleanup();
    expect(existsSync(join(dir, 'other.json'))).toBe(true);
  });
});

// The managed-policy folder of the system's Chromium for the policy e2e: probed without side effects, created in setup, removed after.
import { accessSync, constants, existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where Debian's Chromium reads mandatory policies (README "Policy (for administrators)"). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Whether `dir` exists and is writable, or could be created: nothing is created to find out (a test file's import must not touch /etc). */
export function canWritePolicies(dir: string = CHROMIUM_POLICY_DIR): boolean {
  let existing = dir;
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return false;
    existing = parent;
  }
  try {
    accessSync(existing, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Creates `dir` (and missing parents); the returned function removes what this call created, once it is empty again. */
export function createPolicyDir(dir: string = CHROMIUM_POLICY_DIR): () => void {
  const created: string[] = [];
  for (let missing = dir; !existsSync(missing); missing = dirname(missing)) created.push(missing);
  mkdirSync(dir, { recursive: true });
  return () => {
    // Deepest first, and only empty folders: a policy someone else put there stays.
    for (const folder of created) {
      try {
        rmdirSync(folder);
      } catch {
        return;
      }
    }
  };
}

// The CLI tests run the built command (bin/huashu.mjs → dist/cli.mjs), as users do: build it from the sources first.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');

export function buildCli(): void {
  execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root, stdio: 'inherit' });
}

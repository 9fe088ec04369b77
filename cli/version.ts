// The command's version, from package.json: the built bundle (dist/) and the source (cli/) both sit one folder below it.
import { readFileSync } from 'node:fs';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

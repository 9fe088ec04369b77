#!/usr/bin/env node
// The `huashu` command: runs cli/main.ts through tsx so team leads need no build step.
import { register } from 'tsx/esm/api';

register();
// `huashu detect … | head -1`: the reader went away; stop quietly as other Unix tools do, with no stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

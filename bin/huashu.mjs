#!/usr/bin/env node
// The `huashu` command: runs cli/main.ts through tsx so team leads need no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The `huashu` command: runs the plain JavaScript build of cli/ (dist/cli.mjs, built at install or by
// `npm run build:cli`), so no TypeScript loader runs at start.
// `huashu detect … | head -1`: the reader went away; stop quietly as other Unix tools do, with no stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
let cli;
try {
  cli = await import('../dist/cli.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.error(
    'huashu: the command is not built (dist/cli.mjs is missing): run "npm run build:cli" in the huashu folder.',
  );
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));

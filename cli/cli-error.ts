// The error the huashu command stops with: lines for the person at the terminal, and the exit code.
import { describeCliLine, type CliLine } from './messages.ts';

/** An error meant for the person at the terminal: its lines are printed in the command's language, then the exit code. */
export class CliError extends Error {
  constructor(
    readonly lines: CliLine[],
    readonly exitCode: 1 | 2,
  ) {
    super(lines.map((line) => describeCliLine(line, 'en')).join('\n'));
  }
}

// The error the huashu command stops with: lines for the person at the terminal, and the exit code.

/** An error meant for the person at the terminal: its lines are printed as they are, then the exit code. */
export class CliError extends Error {
  constructor(
    readonly lines: string[],
    readonly exitCode: 1 | 2,
  ) {
    super(lines.join('\n'));
  }
}

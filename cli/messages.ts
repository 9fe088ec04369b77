// Every text the huashu command prints to people: usage, errors and summaries.

export const USAGE = `huashu — standard replies and draft warnings for live-chat agents, on the command line

Usage:
  huashu detect [--pack FILE]… [--top N]     one customer message per line in (text or {"text": …}), one JSON line out
  huashu lint [--pack FILE]…                 one agent draft per line in, its findings out
  huashu pack validate FILE…                 every problem of each pack, with file:line:column and field
  huashu pack convert FILE [-o OUT]          a .csv, .yaml/.yml or .json pack to formatted JSON
  huashu pack test FILE --cases CASES.jsonl [--min-accuracy 0.9]
                                             accuracy on labelled cases; exit 1 below the threshold

Without --pack, detect and lint use the built-in packs (zh-CN, zh-TW, en); with --pack, only the packs given, in order
(a later pack extends or overrides an earlier one).
Exit codes: 0 fine, 1 bad input or a failed check, 2 wrong usage.`;

export const CLI_ERRORS = {
  unknownCommand: (command: string) => `huashu: unknown command "${command}". Run "huashu --help" for the commands.`,
  unknownOption: (option: string, command: string) => `huashu ${command}: unknown option "${option}". Run "huashu --help".`,
  missingValue: (option: string) => `huashu: ${option} needs a value.`,
  badNumber: (option: string, value: string) => `huashu: ${option} takes a number, not "${value}".`,
  noFiles: (command: string) => `huashu ${command}: name at least one pack file.`,
  unreadable: (file: string, reason: string) => `huashu: cannot read ${file}: ${reason}`,
  packInvalid: (file: string, count: number) => `huashu: ${file} is not a valid pack (${count} problem${count === 1 ? '' : 's'}).`,
  casesMissing: 'huashu pack test: give the labelled cases with --cases CASES.jsonl.',
  badCase: (file: string, line: number, reason: string) => `huashu: ${file}:${line}: ${reason}`,
  belowThreshold: (accuracy: number, threshold: number) =>
    `huashu pack test: accuracy ${accuracy.toFixed(3)} is below the threshold ${threshold}.`,
  unexpected: (message: string) => `huashu: unexpected error: ${message}. Please report it with the command you ran.`,
} as const;

export const CLI_TEXT = {
  valid: (file: string, scenarios: number, replies: number, rules: number) =>
    `ok ${file} (${scenarios} scenarios, ${replies} replies, ${rules} rules)`,
  wrote: (file: string) => `wrote ${file}`,
  /** One failed case of `pack test`, with its place so a lead can open it. */
  caseFailed: (file: string, line: number, expected: string, got: string, text: string) =>
    `${file}:${line}: expected ${expected}, got ${got}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`,
} as const;

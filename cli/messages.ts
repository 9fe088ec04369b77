// Every text the huashu command prints to people: usage, errors and summaries.
import { groupDigits, MAX_LISTED_PROBLEMS, MAX_PACK_BYTES } from '../engine/packs.ts';
import { MAX_INPUT_LINE_CHARS } from '../engine/index.ts';

export const USAGE = `huashu — standard replies and draft warnings for live-chat agents, on the command line

Usage:
  huashu detect [--pack FILE]… [--top N] [INPUT…]
                                             one customer message per line in (text or {"text": …}), one JSON line out
  huashu lint [--pack FILE]… [INPUT…]        one agent draft per line in, its findings out
  huashu pack validate FILE…                 every problem of each pack, with file:line:column and field
  huashu pack convert FILE [-o OUT]          a .csv, .yaml/.yml or .json pack to formatted JSON
  huashu pack test FILE --cases CASES.jsonl [--min-accuracy 0.9]
                                             accuracy on labelled cases; exit 1 below the threshold

detect and lint read each INPUT file in turn, or standard input without INPUT or for "-". --top is a whole number
from 1 (default 3); --min-accuracy is a fraction from 0 to 1 (default 0.9).
A line longer than ${groupDigits(MAX_INPUT_LINE_CHARS)} characters is checked up to its first ${groupDigits(MAX_INPUT_LINE_CHARS)}, with a notice on stderr naming the line;
a line that is not UTF-8 is named on stderr and answered with {"line": N, "error": "not UTF-8 text"} (exit 1).
Without --pack, detect and lint use the built-in packs (zh-CN, zh-TW, en); with --pack, only the packs given, in order
(a later pack extends or overrides an earlier one).
Packs, cases and INPUT files are regular files (pipe anything else into standard input); packs and cases at most ${MAX_PACK_BYTES / 1e6} MB.
A pack with more than ${MAX_LISTED_PROBLEMS} problems has its first ${MAX_LISTED_PROBLEMS} listed, then their count.
Exit codes: 0 fine, 1 bad input or a failed check, 2 wrong usage.`;

export const CLI_ERRORS = {
  unknownCommand: (command: string) => `huashu: unknown command "${command}". Run "huashu --help" for the commands.`,
  unknownOption: (option: string, command: string) =>
    `huashu ${command}: unknown option "${option}". Run "huashu --help".`,
  missingValue: (option: string) => `huashu: ${option} needs a value.`,
  badTop: (value: string) => `huashu: --top takes a whole number from 1 (how many scenarios to list), not "${value}".`,
  badAccuracy: (value: string) =>
    `huashu: --min-accuracy takes a number from 0 to 1 (0.9 means 90 % of the cases), not "${value}".`,
  noFiles: (command: string) => `huashu ${command}: name at least one pack file.`,
  unreadable: (file: string, reason: string) => `huashu: cannot read ${file}: ${reason}`,
  packInvalid: (file: string, count: number) =>
    `huashu: ${file} is not a valid pack (${count} problem${count === 1 ? '' : 's'}).`,
  casesMissing: 'huashu pack test: give the labelled cases with --cases CASES.jsonl.',
  badCase: (file: string, line: number, reason: string) => `huashu: ${file}:${line}: ${reason}`,
  belowThreshold: (accuracy: number, threshold: number) =>
    `huashu pack test: accuracy ${accuracy.toFixed(3)} is below the threshold ${threshold}.`,
  notUtf8: (command: string, where: string) =>
    `huashu ${command}: ${where} is not UTF-8 text: save the input as UTF-8 and run again`,
  lineCut: (command: string, where: string, length: number) =>
    `huashu ${command}: ${where} is ${groupDigits(length)} characters long: only its first ${groupDigits(MAX_INPUT_LINE_CHARS)} characters were checked`,
  unexpected: (message: string) => `huashu: unexpected error: ${message}. Please report it with the command you ran.`,
} as const;

/** The files the command reads, named in the reasons it cannot read one. */
export type FileRole = 'pack' | 'cases' | 'input';
const FILE_NOUN: Record<FileRole, string> = { pack: 'the pack file', cases: 'the cases file', input: 'the file' };

/** Why a file cannot be read, after "cannot read FILE: ". */
export const READ_REASONS = {
  missing: 'no such file',
  folder: (role: FileRole) => `it is a folder: name ${FILE_NOUN[role]} inside it`,
  loop: (role: FileRole) => `a symbolic link that leads back to itself: point it at ${FILE_NOUN[role]}`,
  denied: 'permission denied',
  notFolderOnPath: 'a part of its path is a file, not a folder',
  notRegular: (role: FileRole) =>
    role === 'input'
      ? 'it is not a regular file (a pipe, device or socket): send it to standard input instead (… | huashu lint)'
      : 'it is not a regular file (a pipe, device or socket): save it to a file and name that file',
  other: (code: string) => `the system refused to open it (${code})`,
} as const;

export const CLI_TEXT = {
  valid: (file: string, scenarios: number, replies: number, rules: number) =>
    `ok ${file} (${scenarios} scenarios, ${replies} replies, ${rules} rules)`,
  wrote: (file: string) => `wrote ${file}`,
  /** Where an input line is, in notices: "line 3 of standard input" or "drafts.txt:3". */
  inputLine: (file: string, line: number) => (file === '-' ? `line ${line} of standard input` : `${file}:${line}`),
  /** The error field of the JSON line that answers a line that is not UTF-8. */
  notUtf8Answer: 'not UTF-8 text',
  /** One failed case of `pack test`, with its place so a lead can open it. */
  caseFailed: (file: string, line: number, expected: string, got: string, text: string) =>
    `${file}:${line}: expected ${expected}, got ${got}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`,
} as const;

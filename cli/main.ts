// The `huashu` command: detect and lint over JSON Lines, and pack validate / convert / test for team leads.
import { writeFileSync } from 'node:fs';
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import { createEngine, type Engine, MAX_INPUT_LINE_CHARS } from '../engine/index.ts';
import { formatProblemIn, groupDigits, type PackParse } from '../engine/packs.ts';
import { auditCommand } from './audit/command.ts';
import { auditCatalog } from './audit/messages.ts';
import { CliError } from './cli-error.ts';
import { loadPack, parsePackFile } from './pack-file.ts';
import { inputBytes, inputLines, readCappedText } from './input.ts';
import {
  cliLocale,
  cliText,
  describeCli,
  describeCliLine,
  NOT_UTF8_ANSWER,
  usage,
  type CliLocale,
  type CliText,
} from './messages.ts';
import { VERSION } from './version.ts';

interface ParsedArgs {
  positional: string[];
  packs: string[];
  options: Map<string, string>;
  help: boolean;
}

const VALUE_OPTIONS = new Set(['--pack', '--top', '-o', '--out', '--cases', '--min-accuracy']);
/** Options that take no value: present or not. */
const FLAG_OPTIONS = new Set(['--with-defaults']);

function parseArgs(argv: readonly string[], command: string, allowed: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], packs: [], options: new Map(), help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg.startsWith('-') && arg !== '-') {
      if (!allowed.includes(arg) || !(VALUE_OPTIONS.has(arg) || FLAG_OPTIONS.has(arg)))
        throw new CliError([cliText('unknownOption', { option: arg, command })], 2);
      if (FLAG_OPTIONS.has(arg)) {
        parsed.options.set(arg, 'yes');
        continue;
      }
      const value = argv[++i];
      if (value === undefined) throw new CliError([cliText('missingValue', { option: arg })], 2);
      if (arg === '--pack') parsed.packs.push(value);
      else parsed.options.set(arg === '--out' ? '-o' : arg, value);
    } else parsed.positional.push(arg);
  }
  return parsed;
}

/** --top: how many scenarios, a whole number from 1. Plain digits only: Number() would take "", "0x1" and "1e1". */
function topOption(args: ParsedArgs): number {
  const raw = args.options.get('--top');
  if (raw === undefined) return 3;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1)
    throw new CliError([cliText('badTop', { value: raw })], 2);
  return value;
}

/** --min-accuracy: a fraction from 0 to 1; "" or "5" would make the check pass or fail whatever the cases say. */
function accuracyOption(args: ParsedArgs): number {
  const raw = args.options.get('--min-accuracy');
  if (raw === undefined) return 0.9;
  const value = Number(raw);
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(raw) || value > 1)
    throw new CliError([cliText('badAccuracy', { value: raw })], 2);
  return value;
}

function engineFor(packFiles: readonly string[]): Engine {
  return createEngine(packFiles.length > 0 ? packFiles.map(loadPack) : DEFAULT_PACKS);
}

/** A JSON object line with "text", or the line itself. */
function inputText(line: string): string {
  if (line.trimStart().startsWith('{')) {
    try {
      const value = JSON.parse(line) as unknown;
      if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string')
        return (value as { text: string }).text;
    } catch {
      // Not JSON after all: the line is the text.
    }
  }
  return line;
}

/** The first `max` characters of a text, never ending on half of a surrogate pair. */
function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Runs `onText` on every line of each input (standard input when none is named) and writes its JSON line. A line that
 * is not UTF-8 is answered with an error line, so that output line n still answers input line n, and makes the exit 1.
 */
async function eachInputLine(
  command: string,
  inputs: readonly string[],
  locale: CliLocale,
  onText: (text: string) => string,
): Promise<number> {
  // Every file is checked before any output, so a typo in the last name does not come after pages of answers.
  const sources = (inputs.length > 0 ? inputs : ['-']).map((file) => ({ file, bytes: inputBytes(file) }));
  // Enough raw characters for a JSON line whose text, escaped as \uXXXX, is at the limit.
  const keep = MAX_INPUT_LINE_CHARS * 6 + 64;
  let exitCode = 0;
  for (const { file, bytes } of sources) {
    for await (const line of inputLines(bytes, keep)) {
      const where: CliText =
        file === '-' ? cliText('stdinLine', { line: line.number }) : cliText('fileLine', { file, line: line.number });
      if (line.notUtf8) {
        console.error(describeCli(cliText('notUtf8', { command, where }), locale));
        const answer =
          file === '-'
            ? { line: line.number, error: NOT_UTF8_ANSWER }
            : { file, line: line.number, error: NOT_UTF8_ANSWER };
        process.stdout.write(JSON.stringify(answer) + '\n');
        exitCode = 1;
        continue;
      }
      const cut = line.text.length < line.length;
      const text = inputText(line.text);
      const length = cut ? line.length : text.length;
      if (length > MAX_INPUT_LINE_CHARS) {
        const limit = groupDigits(MAX_INPUT_LINE_CHARS);
        console.error(describeCli(cliText('lineCut', { command, where, length: groupDigits(length), limit }), locale));
      }
      process.stdout.write(onText(cutText(text, MAX_INPUT_LINE_CHARS)) + '\n');
    }
  }
  return exitCode;
}

async function detectCommand(argv: readonly string[], locale: CliLocale): Promise<number> {
  const args = parseArgs(argv, 'detect', ['--pack', '--top']);
  if (args.help) return printUsage(locale);
  const top = topOption(args);
  const engine = engineFor(args.packs);
  return eachInputLine('detect', args.positional, locale, (text) => {
    const d = engine.detect(text, { top });
    return JSON.stringify({
      text,
      scenarios: d.scenarios.map((s) => ({ id: s.id, score: Math.round(s.score * 1000) / 1000 })),
      emotion: d.emotion,
      sensitive: d.sensitive.map((s) => ({ kind: s.kind, start: s.start, end: s.end })),
    });
  });
}

async function lintCommand(argv: readonly string[], locale: CliLocale): Promise<number> {
  const args = parseArgs(argv, 'lint', ['--pack']);
  if (args.help) return printUsage(locale);
  const engine = engineFor(args.packs);
  return eachInputLine('lint', args.positional, locale, (text) => {
    const findings = engine.lint(text).map((f) => ({
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      start: f.start,
      end: f.end,
      match: f.match,
      message: f.message,
      fix: f.fix ?? null,
    }));
    return JSON.stringify({ text, findings });
  });
}

function validateCommand(argv: readonly string[], locale: CliLocale): number {
  const args = parseArgs(argv, 'pack validate', []);
  if (args.help) return printUsage(locale);
  if (args.positional.length === 0) throw new CliError([cliText('noFiles', { command: 'pack validate' })], 2);
  let failed = false;
  for (const file of args.positional) {
    const result = parseOrReport(file);
    if (result === undefined) continue;
    if (result.ok) {
      const p = result.pack;
      const replies = [...(p.scenarios ?? []), ...(p.stages ?? [])].reduce((n, s) => n + (s.replies?.length ?? 0), 0);
      const counts = { scenarios: p.scenarios?.length ?? 0, replies, rules: p.rules?.length ?? 0 };
      console.log(describeCli(cliText('valid', { file, ...counts }), locale));
      // Notices do not fail the check: the pack loads, but the lead should see them.
      for (const notice of result.notices ?? []) console.error(formatProblemIn(notice, locale));
    } else {
      failed = true;
      for (const problem of result.problems) console.error(formatProblemIn(problem, locale));
    }
  }
  return failed ? 1 : 0;

  function parseOrReport(file: string): PackParse | undefined {
    try {
      return parsePackFile(file);
    } catch (error) {
      if (error instanceof CliError) {
        // One unreadable file does not stop the others from being checked; its one line says why.
        failed = true;
        for (const line of error.lines) console.error(describeCliLine(line, locale));
        return undefined;
      }
      throw error;
    }
  }
}

function convertCommand(argv: readonly string[], locale: CliLocale): number {
  const args = parseArgs(argv, 'pack convert', ['-o', '--out']);
  if (args.help) return printUsage(locale);
  const [file] = args.positional;
  if (file === undefined) throw new CliError([cliText('noFiles', { command: 'pack convert' })], 2);
  const json = JSON.stringify(loadPack(file), null, 2) + '\n';
  const out = args.options.get('-o');
  if (out === undefined) process.stdout.write(json);
  else {
    writeFileSync(out, json);
    console.error(describeCli(cliText('wrote', { file: out }), locale));
  }
  return 0;
}

interface TestCase {
  text: string;
  expect: string | string[];
  /** Line of the cases file, for the list of failures. */
  line: number;
}

function readCases(file: string): TestCase[] {
  return readCappedText(file, 'cases')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new CliError([cliText('badCase', { file, line: number, reason: cliText('caseNotJson') })], 1);
      }
      const c = value as Partial<TestCase>;
      const expectOk =
        typeof c.expect === 'string' || (Array.isArray(c.expect) && c.expect.every((e) => typeof e === 'string'));
      if (typeof c.text !== 'string' || !expectOk) {
        throw new CliError([cliText('badCase', { file, line: number, reason: cliText('caseShape') })], 1);
      }
      return { text: c.text, expect: c.expect, line: number } as TestCase;
    });
}

function testCommand(argv: readonly string[], locale: CliLocale): number {
  const args = parseArgs(argv, 'pack test', ['--cases', '--min-accuracy', '--pack', '--with-defaults']);
  if (args.help) return printUsage(locale);
  const files = [...args.positional, ...args.packs];
  if (files.length === 0) throw new CliError([cliText('noFiles', { command: 'pack test' })], 2);
  const casesFile = args.options.get('--cases');
  if (casesFile === undefined) throw new CliError([cliText('casesMissing')], 2);
  const threshold = accuracyOption(args);
  const packs = files.map(loadPack);
  // With the built-in packs under the team's, as agents run them: a clean case the default rules flag is then seen.
  const withDefaults = args.options.has('--with-defaults');
  const engine = createEngine(withDefaults ? [...DEFAULT_PACKS, ...packs] : packs);
  const tested = [...packs].reverse().map((pack, i) => `${pack.id} (${[...files].reverse()[i]})`);
  if (withDefaults) tested.push(describeCli(cliText('builtinPacks'), locale));
  // One row per scenario and per lint category: a case expecting two categories counts under each, so a lead sees
  // which rule or scenario is weak rather than which combination.
  const rows = new Map<string, { right: number; total: number }>();
  const tally = (label: string, ok: boolean): void => {
    const row = rows.get(label) ?? { right: 0, total: 0 };
    row.total++;
    if (ok) row.right++;
    rows.set(label, row);
  };
  const failures: string[] = [];
  /** One failed case, with its place so a lead can open it; a long text is cut to 80 characters. */
  const caseFailed = (line: number, expected: string, got: string, text: string): string =>
    describeCli(
      cliText('caseFailed', {
        file: casesFile,
        line,
        expected,
        got,
        text: text.length > 80 ? `${text.slice(0, 79)}…` : text,
      }),
      locale,
    );
  let right = 0;
  const cases = readCases(casesFile);
  for (const c of cases) {
    let ok: boolean;
    if (typeof c.expect === 'string') {
      const best = engine.detect(c.text, { top: 1 }).scenarios[0]?.id ?? 'none';
      ok = best === c.expect;
      tally(`detect ${c.expect}`, ok);
      if (!ok) failures.push(caseFailed(c.line, c.expect, best, c.text));
    } else {
      const found = new Set(engine.lint(c.text).map((f) => f.category as string));
      ok = c.expect.every((e) => found.has(e)) && [...found].every((f) => c.expect.includes(f));
      if (c.expect.length === 0) tally('lint (clean)', ok);
      for (const category of c.expect) tally(`lint ${category}`, found.has(category));
      if (!ok)
        failures.push(
          caseFailed(c.line, c.expect.join('+') || 'clean', [...found].sort().join('+') || 'clean', c.text),
        );
    }
    if (ok) right++;
  }
  const accuracy = cases.length === 0 ? 0 : right / cases.length;
  console.log(describeCli(cliText('testedWith', { packs: tested.join(', ') }), locale) + '\n');
  console.log(`${describeCli(cliText('tableHead'), locale)}\n|---|---|---|---|`);
  for (const [label, row] of [...rows.entries()].sort())
    console.log(`| ${label} | ${row.right} | ${row.total} | ${(row.right / row.total).toFixed(3)} |`);
  console.log(`| ${describeCli(cliText('tableAll'), locale)} | ${right} | ${cases.length} | ${accuracy.toFixed(3)} |`);
  if (failures.length > 0) console.log(`\n${failures.join('\n')}`);
  if (accuracy < threshold) {
    console.error(
      describeCli(cliText('belowThreshold', { accuracy: accuracy.toFixed(3), threshold: String(threshold) }), locale),
    );
    return 1;
  }
  return 0;
}

/** The usage text, the audit command's lines last (they live in its own catalog). */
function fullUsage(locale: CliLocale): string {
  return `${describeCli(usage(), locale)}\n\n${auditCatalog(locale).usage}`;
}

function printUsage(locale: CliLocale): number {
  console.log(fullUsage(locale));
  return 0;
}

async function run(argv: readonly string[], locale: CliLocale): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    if (command === undefined) {
      console.error(fullUsage(locale));
      return 2;
    }
    return printUsage(locale);
  }
  if (command === '--version' || command === '-V') {
    console.log(VERSION);
    return 0;
  }
  if (command === 'audit') return auditCommand(rest, locale, fullUsage(locale));
  if (command === 'detect') return detectCommand(rest, locale);
  if (command === 'lint') return lintCommand(rest, locale);
  if (command === 'pack') {
    const [sub, ...packArgs] = rest;
    if (sub === 'validate') return validateCommand(packArgs, locale);
    if (sub === 'convert') return convertCommand(packArgs, locale);
    if (sub === 'test') return testCommand(packArgs, locale);
    if (sub === '--help' || sub === '-h') return printUsage(locale);
    throw new CliError([cliText('unknownCommand', { command: `pack ${sub ?? ''}`.trim() })], 2);
  }
  throw new CliError([cliText('unknownCommand', { command })], 2);
}

/**
 * Runs the command and returns its exit code; people see messages, never stack traces. The messages are in the
 * language the environment asks for (LC_ALL, LC_MESSAGES, LANG).
 */
export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const locale = cliLocale(env);
  try {
    return await run(argv, locale);
  } catch (error) {
    if (error instanceof CliError) {
      for (const line of error.lines) console.error(describeCliLine(line, locale));
      // Wrong usage: show how to use it right away, on stderr so piped output stays clean.
      if (error.exitCode === 2) console.error(`\n${fullUsage(locale)}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(describeCli(cliText('unexpected', { message }), locale));
    return 1;
  }
}

// `huashu audit FILE…`: options, progress on a terminal, bad lines on stderr, and the report as tables, JSON or HTML.
import { writeFileSync } from 'node:fs';
import { CliError } from '../cli-error.ts';
import { loadPack } from '../pack-file.ts';
import { chartLibraryPath, htmlReport, readChartLibrary } from './html-report.ts';
import type { AuditLocale } from './locale.ts';
import { auditCatalog, type AuditCatalog, type AuditError } from './messages.ts';
import { AuditStop } from './reader.ts';
import { buildReport } from './report.ts';
import { defaultJobs, MAX_JOBS, runAudit } from './run.ts';
import { textReport } from './text-report.ts';

/** Bad lines named one by one on stderr; past these only their count, so a broken export cannot flood the terminal. */
const LISTED_BAD_LINES = 50;

interface AuditArgs {
  files: string[];
  packs: string[];
  json: boolean;
  html?: string;
  jobs: number;
  strict: boolean;
  help: boolean;
}

function usageError(text: AuditCatalog, error: AuditError): CliError {
  return new CliError([text.error(error)], 2);
}

function parseAuditArgs(argv: readonly string[], text: AuditCatalog): AuditArgs {
  const args: AuditArgs = { files: [], packs: [], json: false, jobs: defaultJobs(), strict: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw usageError(text, { code: 'missingValue', params: { option: arg } });
      return next;
    };
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--strict') args.strict = true;
    else if (arg === '--html') args.html = value();
    else if (arg === '--pack') args.packs.push(value());
    else if (arg === '--jobs') {
      const raw = value();
      const jobs = Number(raw);
      if (!/^\d+$/u.test(raw) || jobs < 1 || jobs > MAX_JOBS)
        throw usageError(text, { code: 'badJobs', params: { value: raw } });
      args.jobs = jobs;
    } else if (arg.startsWith('-') && arg !== '-')
      throw usageError(text, { code: 'unknownOption', params: { option: arg } });
    else args.files.push(arg);
  }
  return args;
}

/** A progress line on stderr, redrawn at most ten times a second, only when stderr is a terminal. */
function progressBar(text: AuditCatalog): {
  update: (read: number, total: number, messages: number) => void;
  done: () => void;
} {
  if (!process.stderr.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  const width = 30;
  return {
    update(read, total, messages) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      const share = total === 0 ? 1 : Math.min(1, read / total);
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text.progress(share * 100, messages)}`,
      );
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

export async function auditCommand(argv: readonly string[], locale: AuditLocale, usage: string): Promise<number> {
  const text = auditCatalog(locale);
  const args = parseAuditArgs(argv, text);
  if (args.help) {
    console.log(usage);
    return 0;
  }
  if (args.files.length === 0) throw usageError(text, { code: 'noFiles' });
  const packs = args.packs.length > 0 ? args.packs.map(loadPack) : undefined;
  // Read before the long run, so a missing chart build is said at once.
  let chartLibrary = '';
  if (args.html !== undefined) {
    try {
      chartLibrary = readChartLibrary();
    } catch {
      throw new CliError([text.error({ code: 'chartsMissing', params: { path: chartLibraryPath().pathname } })], 1);
    }
  }
  const progress = progressBar(text);
  let listed = 0;
  let tally;
  try {
    tally = await runAudit({
      files: args.files,
      packs,
      jobs: args.jobs,
      onProgress: progress.update,
      onBadLine(file, line, reason) {
        if (listed++ >= LISTED_BAD_LINES) return;
        progress.done();
        console.error(text.badLine(`${file}:${line}`, reason));
      },
    });
  } catch (error) {
    progress.done();
    if (error instanceof AuditStop) throw new CliError([text.error(error.error)], 1);
    throw error;
  }
  progress.done();
  if (listed > LISTED_BAD_LINES) console.error(text.moreBadLines(listed - LISTED_BAD_LINES));
  const report = buildReport(tally, args.files);
  if (args.json) process.stdout.write(JSON.stringify(report) + '\n');
  else process.stdout.write(textReport(report, text));
  if (args.html !== undefined) {
    try {
      writeFileSync(args.html, htmlReport(report, text, locale, chartLibrary, new Date()));
    } catch (error) {
      throw new CliError(
        [text.error({ code: 'cannotWrite', params: { file: args.html, reason: (error as Error).message } })],
        1,
      );
    }
    console.error(text.wrote(args.html));
  }
  if (args.strict && (report.badLines > 0 || report.findings.total > 0)) {
    console.error(text.strictFailed(report.badLines, report.findings.total));
    return 1;
  }
  return 0;
}

// The audit pipeline without the command line: files in, the tally out. Reading stays in this thread; the engine's
// work goes to worker threads in batches, a few in flight at a time, so memory holds a few batches whatever the size.
import { availableParallelism } from 'node:os';
import { createChecklistReader, type Pack } from '../../engine/index.ts';
import { mergePacks } from '../../engine/packs.ts';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { openRegularFile } from '../input.ts';
import { closeSync } from 'node:fs';
import { createAnalyzer, type Analysis } from './analyze.ts';
import type { AuditMessage, AuditRole } from './formats.ts';
import type { BadLineReason } from './messages.ts';
import { AnalysisPool } from './pool.ts';
import { readExport } from './reader.ts';
import { AuditTally } from './tally.ts';

/** Messages sent to a worker at once: enough to make the message passing cheap beside the engine's work. */
const BATCH = 512;
/** Batches in flight per worker: one being analyzed, one waiting, so no worker idles while results come back. */
const IN_FLIGHT_PER_WORKER = 2;

export const MAX_JOBS = 16;

/** Worker threads by default: one per processor, up to four (the reading thread needs a share too). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export interface AuditRunOptions {
  files: readonly string[];
  /** The packs to use; the built-in ones when undefined. */
  packs?: readonly Pack[];
  /** Worker threads; 0 analyzes in this thread. */
  jobs: number;
  onBadLine?: (file: string, line: number, reason: BadLineReason) => void;
  /** Bytes read so far of all files, their total, and the messages counted. */
  onProgress?: (read: number, total: number, messages: number) => void;
  /** Called once the engines are built, before or while the first batches wait for them. */
  onEnginesReady?: () => void;
}

interface Pending {
  messages: AuditMessage[];
  files: string[];
  lines: number[];
  results: Promise<Analysis[]>;
}

export async function runAudit(options: AuditRunOptions): Promise<AuditTally> {
  // Every file is checked before any work, so a typo in the last name does not come after minutes of reading.
  let total = 0;
  for (const file of options.files) {
    const { fd, size } = openRegularFile(file, 'input');
    closeSync(fd);
    total += size;
  }
  const packs = options.packs ?? DEFAULT_PACKS;
  const merged = mergePacks(packs);
  const tally = new AuditTally(
    createChecklistReader(merged.checklist, merged.classes).read,
    merged.checklist.passScore,
  );
  const pool = options.jobs > 0 ? new AnalysisPool(options.jobs, options.packs) : undefined;
  const analyze = pool === undefined ? createAnalyzer(packs) : undefined;
  if (pool) void pool.ready.then(() => options.onEnginesReady?.());
  else options.onEnginesReady?.();
  const inFlight: Pending[] = [];
  let batch: { messages: AuditMessage[]; files: string[]; lines: number[] } = { messages: [], files: [], lines: [] };
  let read = 0;

  const settle = async (pending: Pending): Promise<void> => {
    const results = await pending.results;
    pending.messages.forEach((message, i) => tally.add(message, results[i]!, pending.files[i]!, pending.lines[i]!));
  };
  const send = async (): Promise<void> => {
    if (batch.messages.length === 0) return;
    const roles: AuditRole[] = batch.messages.map((m) => m.role);
    const texts = batch.messages.map((m) => (m.role === 'agent' || m.role === 'customer' ? m.text : ''));
    const results = pool
      ? pool.analyze(roles, texts)
      : Promise.resolve(roles.map((role, i) => analyze!(role, texts[i]!)));
    inFlight.push({ ...batch, results });
    batch = { messages: [], files: [], lines: [] };
    while (inFlight.length >= Math.max(1, options.jobs) * IN_FLIGHT_PER_WORKER) await settle(inFlight.shift()!);
  };

  try {
    for (const file of options.files) {
      for await (const event of readExport(file, (bytes) => {
        read += bytes;
        options.onProgress?.(read, total, tally.messageTotal);
      })) {
        if (event.kind === 'bad') {
          tally.badLines++;
          options.onBadLine?.(file, event.line, event.reason);
          continue;
        }
        for (const message of event.messages) {
          batch.messages.push(message);
          batch.files.push(file);
          batch.lines.push(event.line);
        }
        if (batch.messages.length >= BATCH) await send();
      }
    }
    await send();
    while (inFlight.length > 0) await settle(inFlight.shift()!);
    tally.closeAll();
  } finally {
    await pool?.close();
  }
  return tally;
}

// huashu audit throughput: messages per second and peak memory over generated exports of 100 000 (and, with
// HUASHU_BENCH_AUDIT_MILLION=1, 1 000 000) messages, on 1 and 2 worker threads, beside reading the same lines with
// JSON.parse and no engine.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runAudit } from '../cli/audit/run.ts';
import { seededIntegers } from './seeded-random.ts';
import type { BenchRow } from './table.ts';

const CUSTOMER = [
  '我要退款,订单号 {n}',
  '你好,在吗',
  '快递怎么还没到,单号 {n}',
  '这破东西用了两天就坏了',
  'where is my package {n}??',
  'I want to return this jacket, it does not fit',
  '請問訂單 {n} 什麼時候發貨',
  '发票怎么开',
  'can I change the delivery address to {n} Main Street',
  '谢谢',
];
const AGENT = [
  '您好,很高兴为您服务,我帮您查一下订单 {n}。',
  '抱歉,我不能直接退款,这不是我应该做的',
  'Thanks for waiting, your parcel {n} is on its way.',
  '好的,马上为您处理',
  'I can’t help with that, it’s not my job',
  '您的退款 {n} 已提交,预计 3 个工作日到账。',
  '這個問題我幫您轉給同事',
  'Sorry for the delay, I will check with the warehouse about order {n}.',
];

/** A JSONL export of `count` messages: conversations of 8, customer and agent in turn, a note now and then. */
function writeExport(file: string, count: number): void {
  const next = seededIntegers(17);
  const lines: string[] = [];
  const start = Date.parse('2024-06-01T00:00:00Z');
  const flush = (): void => {
    writeFileSync(file, lines.join('\n') + '\n', { flag: 'a' });
    lines.length = 0;
  };
  for (let i = 0; i < count; i++) {
    const conversation = Math.floor(i / 8);
    const step = i % 8;
    const role = step === 7 ? 'note' : step % 2 === 0 ? 'customer' : 'agent';
    const pool = role === 'customer' ? CUSTOMER : AGENT;
    const text = pool[next() % pool.length]!.replace('{n}', String(100000 + (next() % 900000)));
    const time = new Date(start + conversation * 600_000 + step * 45_000 + (next() % 30_000)).toISOString();
    lines.push(
      JSON.stringify({
        conversation: `c${conversation}`,
        agent: role === 'customer' ? '' : `agent${conversation % 12}`,
        role,
        time,
        text,
      }),
    );
    if (lines.length === 10_000) flush();
  }
  flush();
}

/** Peak resident memory of this process (workers included) while `work` runs, sampled every 20 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; ms: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, peakMb: Math.max(peak, process.memoryUsage.rss()) / 1e6, ms: performance.now() - t0 };
  } finally {
    clearInterval(timer);
  }
}

/** The floor: every line read and parsed, nothing else. */
async function readAndParse(file: string): Promise<number> {
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line !== '') {
      JSON.parse(line);
      count++;
    }
  }
  return count;
}

export async function benchAudit(): Promise<BenchRow[]> {
  const sizes = [100_000, ...(process.env.HUASHU_BENCH_AUDIT_MILLION === '1' ? [1_000_000] : [])];
  const dir = mkdtempSync(join(tmpdir(), 'huashu-audit-bench-'));
  const rows: BenchRow[] = [];
  try {
    for (const size of sizes) {
      const file = join(dir, `export-${size}.jsonl`);
      writeExport(file, size);
      const label = `audit, ${size.toLocaleString('en').replace(/,/gu, ' ')} messages`;
      const row = (subject: string, run: { ms: number; peakMb: number }, messages: number): BenchRow => ({
        case: label,
        subject,
        medianMs: run.ms,
        p99Ms: run.ms,
        runs: 1,
        note: `${Math.round(messages / (run.ms / 1000)).toLocaleString('en')} messages/s, peak RSS ${Math.round(run.peakMb)} MB`,
      });
      const base = await withPeakRss(() => readAndParse(file));
      rows.push(row('baseline: readline + JSON.parse', base, base.result));
      for (const jobs of [1, 2]) {
        let readyAt = 0;
        const t0 = performance.now();
        const run = await withPeakRss(() =>
          runAudit({ files: [file], jobs, onEnginesReady: () => (readyAt = performance.now()) }),
        );
        rows.push(row(`huashu --jobs ${jobs}`, run, run.result.messageTotal));
        // The same run without the engines' start (the packs compiled once per worker): the rate a long export reaches.
        rows.push(
          row(
            `huashu --jobs ${jobs}, after engine start`,
            { ...run, ms: t0 + run.ms - readyAt },
            run.result.messageTotal,
          ),
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

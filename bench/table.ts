// Timing helpers and the table every benchmark prints: median and p99 per case, side by side with its baseline.

export interface BenchRow {
  /** What is measured ("lint, 2 000 chars, 10 000 rules"). */
  case: string;
  /** Who: "huashu" or "baseline: …". */
  subject: string;
  medianMs: number;
  p99Ms: number;
  runs: number;
  /** Free note, e.g. the speed-up over the baseline or the target. */
  note?: string;
}

/** Runs `fn` `runs` times after `warmup` runs and returns median and p99 in milliseconds. */
export function timeIt(
  fn: () => void,
  runs: number,
  warmup = Math.min(50, runs),
): { medianMs: number; p99Ms: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { medianMs: at(0.5), p99Ms: at(0.99), runs };
}

export function printTable(title: string, rows: BenchRow[]): void {
  const fmt = (n: number): string => (n < 0.01 ? n.toFixed(4) : n < 1 ? n.toFixed(3) : n.toFixed(2));
  const header = ['case', 'subject', 'median ms', 'p99 ms', 'runs', 'note'];
  const body = rows.map((r) => [r.case, r.subject, fmt(r.medianMs), fmt(r.p99Ms), String(r.runs), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(`\n## ${title}\n`);
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const b of body) console.log(line(b));
}

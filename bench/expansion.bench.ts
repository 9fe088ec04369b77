// `;;` picker search: per keystroke on the shipped packs, beside the panel's search (engine/search.ts, pinyin-pro + fuse.js).
import { fileURLToPath } from 'node:url';
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import { mergePacks } from '../engine/pack-merge.ts';
import { createPhraseSearch } from '../engine/search.ts';
import { createExpansionSearch } from '../content/expansion-search.ts';
import { printTable, timeIt, type BenchRow } from './table.ts';

const QUERIES = ['', 'tk', 'tuikuan', '退款', 'refund', 'wl dd'];

export function benchExpansion(): BenchRow[] {
  const merged = mergePacks(DEFAULT_PACKS);
  const rows: BenchRow[] = [];
  // The first search builds the index: what the agent waits for on the first `;;` of a page.
  const firstStart = performance.now();
  createExpansionSearch(merged).search('tk', { currentScenarioIds: [], limit: 8 });
  const firstMs = performance.now() - firstStart;
  rows.push({
    case: 'first search (index build)',
    subject: 'huashu picker',
    medianMs: firstMs,
    p99Ms: firstMs,
    runs: 1,
  });
  const picker = createExpansionSearch(merged);
  const panel = createPhraseSearch(merged);
  for (const query of QUERIES) {
    const ours = timeIt(() => picker.search(query, { currentScenarioIds: ['return_refund'], limit: 8 }), 300);
    rows.push({ case: `query "${query}"`, subject: 'huashu picker', ...ours });
    if (query === '') continue;
    const theirs = timeIt(() => panel.search(query, { limit: 8 }), 300);
    rows.push({ case: `query "${query}"`, subject: 'baseline: panel search', ...theirs });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  printTable('Expansion picker search, per keystroke', benchExpansion());

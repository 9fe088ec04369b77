// Reply search per keystroke on the shipped packs (engine/search.ts, as the `;;` picker and the panel use it), beside a plain substring scan of the reply texts.
import { fileURLToPath } from 'node:url';
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import { mergePacks } from '../engine/pack-merge.ts';
import { createPhraseSearch } from '../engine/search.ts';
import { printTable, timeIt, type BenchRow } from './table.ts';

const QUERIES = ['', 'tk', 'tuikuan', '退款', 'refund', 'wl dd', 'refnud'];

export function benchExpansion(): BenchRow[] {
  const merged = mergePacks(DEFAULT_PACKS);
  const rows: BenchRow[] = [];
  const wanted = { currentScenarioIds: ['return_refund'], limit: 8, locale: 'zh-CN' };
  // The first search builds the index: what the agent waits for on the first `;;` of a page.
  const firstStart = performance.now();
  createPhraseSearch(merged).search('tk', wanted);
  const firstMs = performance.now() - firstStart;
  rows.push({
    case: 'first search (index build)',
    subject: 'huashu search',
    medianMs: firstMs,
    p99Ms: firstMs,
    runs: 1,
  });
  const picker = createPhraseSearch(merged);
  const texts = [...merged.scenarios, ...merged.stages].flatMap((scope) => scope.replies.map((reply) => reply.text));
  for (const query of QUERIES) {
    const ours = timeIt(() => (query === '' ? picker.suggest(wanted) : picker.search(query, wanted)), 300);
    rows.push({ case: `query "${query}"`, subject: 'huashu search', ...ours });
    if (query === '') continue;
    const baseline = timeIt(() => texts.filter((text) => text.includes(query)).slice(0, 8), 300);
    rows.push({ case: `query "${query}"`, subject: 'baseline: substring scan', ...baseline });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printTable('Reply search, per keystroke', benchExpansion());

// Reply search measured on agents' queries written apart from the engine: is a wanted reply in the first three hits, and does a query for nothing find nothing?
import { readFileSync } from 'node:fs';
import type { PhraseSearch } from '../engine/search.ts';

interface LabelledQuery {
  query: string;
  /** Reply ids an agent would be glad of; empty when the query should find nothing. */
  want: string[];
  lang: string;
}

export interface SearchEval {
  label: string;
  queries: number;
  hits: number;
  byLanguage: Map<string, { hits: number; queries: number }>;
  misses: { query: LabelledQuery; got: string[] }[];
}

export function readQueries(file: string): LabelledQuery[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledQuery);
}

/** Top-3 hit rate: a wanted reply among the first three, or no hit at all where nothing is wanted. */
export function evaluateSearch(label: string, queries: readonly LabelledQuery[], search: PhraseSearch): SearchEval {
  const result: SearchEval = { label, queries: queries.length, hits: 0, byLanguage: new Map(), misses: [] };
  for (const query of queries) {
    const top = search.search(query.query, { locale: query.lang, limit: 3 });
    const good = query.want.length === 0 ? top.length === 0 : top.some((hit) => query.want.includes(hit.reply.id));
    const tally = result.byLanguage.get(query.lang) ?? { hits: 0, queries: 0 };
    tally.queries++;
    if (good) {
      result.hits++;
      tally.hits++;
    } else result.misses.push({ query, got: top.map((hit) => `${hit.reply.id} (${hit.matchedBy})`) });
    result.byLanguage.set(query.lang, tally);
  }
  return result;
}

export function printSearchEval(result: SearchEval, verbose: boolean): void {
  const ratio = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(3));
  console.log(
    `\n## Reply search — ${result.label} (${result.queries} queries): top-3 ${ratio(result.hits, result.queries)}\n`,
  );
  console.log('| language | top-3 |');
  console.log('|---|---|');
  for (const [lang, t] of [...result.byLanguage.entries()].sort())
    console.log(`| ${lang} | ${ratio(t.hits, t.queries)} (${t.hits}/${t.queries}) |`);
  if (verbose)
    for (const miss of result.misses)
      console.log(
        `  missed ${miss.query.lang} «${miss.query.query}» want ${miss.query.want.join(', ') || 'nothing'}; got ${miss.got.join(', ') || 'nothing'}`,
      );
}

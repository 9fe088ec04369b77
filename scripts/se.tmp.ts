import { join } from 'node:path';
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import { mergePacks } from '../engine/pack-merge.ts';
import { createPhraseSearch } from '../engine/search.ts';
import { evaluateSearch, printSearchEval, readQueries } from './eval-search.ts';
const search = createPhraseSearch(mergePacks(DEFAULT_PACKS));
for (const f of process.argv.slice(2)) printSearchEval(evaluateSearch(f, readQueries(f), search), true);

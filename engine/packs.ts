// The engine's entry for pack files: reading JSON, YAML and CSV packs with every problem placed, merging them and
// explaining the merge, and the problems' phrasings per language (options page, background, command line).
export {
  formatFromFileName,
  MAX_PACK_BYTES,
  parsePack,
  problemTotal,
  type PackFormat,
  type PackParse,
} from './pack-load.ts';
export { packToCsv, parseCsvPack } from './pack-convert.ts';
export { checkPackExamples, type ExampleMiss } from './pack-examples.ts';
export { fillTemplate } from './template.ts';
export { explainMerge, mergePacks, sameReply } from './pack-merge.ts';
export { formatProblemIn, problemMessage, type ProblemLocale } from './problem-locale.ts';
export { coded, groupDigits, tooLargeParams } from './errors.ts';
export { MAX_LISTED_PROBLEMS } from './limits.ts';

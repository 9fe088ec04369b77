// Lint evaluation: recall per warning category and false alarms on clean drafts, overall and per language.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../engine/types.ts';

interface DraftCase {
  text: string;
  expect: string[];
  lang: string;
}

export interface LintEval {
  label: string;
  drafts: number;
  /** category → [caught, labelled] */
  recall: Map<string, [number, number]>;
  cleanDrafts: number;
  falseAlarms: Array<{ text: string; findings: string[] }>;
  /** Findings of a category the draft was not labelled with (on labelled drafts). */
  extraCategories: Array<{ text: string; extra: string[] }>;
  missed: Array<{ text: string; missing: string[] }>;
  byLanguage: Map<string, { caught: number; labelled: number; clean: number; falseAlarms: number }>;
}

export function readDrafts(file: string): DraftCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DraftCase);
}

export function evaluateDrafts(label: string, drafts: DraftCase[], lint: (draft: string) => Finding[]): LintEval {
  const result: LintEval = {
    label,
    drafts: drafts.length,
    recall: new Map(),
    cleanDrafts: 0,
    falseAlarms: [],
    extraCategories: [],
    missed: [],
    byLanguage: new Map(),
  };
  for (const draft of drafts) {
    const findings = lint(draft.text);
    const found = new Set(findings.map((f) => f.category));
    const lang = result.byLanguage.get(draft.lang) ?? { caught: 0, labelled: 0, clean: 0, falseAlarms: 0 };
    result.byLanguage.set(draft.lang, lang);
    if (draft.expect.length === 0) {
      result.cleanDrafts++;
      lang.clean++;
      if (findings.length > 0) {
        result.falseAlarms.push({ text: draft.text, findings: findings.map((f) => `${f.ruleId} «${f.match}»`) });
        lang.falseAlarms++;
      }
      continue;
    }
    const missing: string[] = [];
    for (const category of draft.expect) {
      const row = result.recall.get(category) ?? [0, 0];
      row[1]++;
      lang.labelled++;
      if (found.has(category as Finding['category'])) {
        row[0]++;
        lang.caught++;
      } else missing.push(category);
      result.recall.set(category, row);
    }
    if (missing.length > 0) result.missed.push({ text: draft.text, missing });
    const extra = [...found].filter((c) => !draft.expect.includes(c));
    if (extra.length > 0) result.extraCategories.push({ text: draft.text, extra });
  }
  return result;
}

const ratio = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(3));

function logLintEval(e: LintEval): void {
  const caught = [...e.recall.values()].reduce((s, [c]) => s + c, 0);
  const labelled = [...e.recall.values()].reduce((s, [, l]) => s + l, 0);
  console.log(`\n## Lint — ${e.label} (${e.drafts} drafts)\n`);
  console.log('| category | caught | labelled | recall |');
  console.log('|---|---|---|---|');
  for (const [category, [c, l]] of [...e.recall.entries()].sort())
    console.log(`| ${category} | ${c} | ${l} | ${ratio(c, l)} |`);
  console.log(`| **all** | ${caught} | ${labelled} | ${ratio(caught, labelled)} |`);
  console.log(
    `\nfalse alarms on clean drafts: ${e.falseAlarms.length}/${e.cleanDrafts} = ${ratio(e.falseAlarms.length, e.cleanDrafts)}`,
  );
  console.log(`labelled drafts with an extra category: ${e.extraCategories.length}`);
  console.log('\n| language | recall | false alarms |');
  console.log('|---|---|---|');
  for (const [lang, s] of [...e.byLanguage.entries()].sort()) {
    console.log(
      `| ${lang} | ${ratio(s.caught, s.labelled)} (${s.caught}/${s.labelled}) | ${s.falseAlarms}/${s.clean} |`,
    );
  }
  // A sealed set shows its figures only: listing its drafts would let the reader tune on them.
  if (e.label.startsWith('sealed ')) return;
  for (const m of e.missed) console.log(`  missed ${m.missing.join(', ')}: ${m.text}`);
  for (const f of e.falseAlarms) console.log(`  false alarm ${f.findings.join('; ')}: ${f.text}`);
  for (const x of e.extraCategories) console.log(`  extra ${x.extra.join(', ')}: ${x.text}`);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HELD_OUT_DRAFTS = join(root, 'tests/fixtures/heldout/drafts.jsonl');
/**
 * Our further draft sets and their first measurements. drafts-2 (43): recall 30/30, false alarms 1/13 (不对的话, then
 * made an exception: the set is partly seen). drafts-3 (35), written after the rules were extended: 26/26, 0/9. Both were
 * written by people who had read the rules, so they flatter recall; a list of 50 fresh phrasings tried before the
 * second round of rules caught only 5, which is why that round added variants, not sentences.
 */
// blind-drafts-1 and -2: written from the warning contract alone by someone who never saw a rule file, in real chat
// style. blind-drafts-1 was measured once (recall 0.287, false alarms 5/122) and then used to write the pattern rules;
// blind-drafts-2 stayed sealed until the rules were done (tests/fixtures/heldout/README.md has both figures).
const MORE_HELD_OUT_DRAFTS = [
  'drafts-2.jsonl',
  'drafts-3.jsonl',
  'blind-drafts-1.jsonl',
  'blind-drafts-2.jsonl',
  'blind-drafts-3.jsonl',
  'blind-drafts-5.jsonl',
  'blind-drafts-7.jsonl',
  'blind-drafts-9.jsonl',
  'blind-drafts-11.jsonl',
  'blind-drafts-14.jsonl',
  'blind-drafts-16.jsonl',
  'blind-drafts-17.jsonl',
  'blind-drafts-19.jsonl',
  'blind-drafts-20.jsonl',
  'blind-drafts-22.jsonl',
  'blind-drafts-25.jsonl',
  'blind-drafts-26.jsonl',
  'blind-drafts-28.jsonl',
  'blind-drafts-30.jsonl',
  'blind-drafts-31.jsonl',
  'blind-drafts-33.jsonl',
  'blind-drafts-35.jsonl',
  'blind-drafts-37.jsonl',
  'blind-drafts-39.jsonl',
].map((file) => join(root, 'tests/fixtures/heldout', file));

/** Sealed: printed only with --sealed, for the final figure of a round. */
const SEALED_DRAFTS = [
  'blind-drafts-4.jsonl',
  'blind-drafts-6.jsonl',
  'blind-drafts-8.jsonl',
  'blind-drafts-10.jsonl',
  'blind-drafts-12.jsonl',
  'blind-drafts-13.jsonl',
  'blind-drafts-15.jsonl',
  'blind-drafts-18.jsonl',
  'blind-drafts-21.jsonl',
  'blind-drafts-23.jsonl',
  'blind-drafts-24.jsonl',
  'blind-drafts-27.jsonl',
  'blind-drafts-29.jsonl',
  'blind-drafts-32.jsonl',
  'blind-drafts-34.jsonl',
  'blind-drafts-36.jsonl',
  'blind-drafts-38.jsonl',
  'blind-drafts-40.jsonl',
].map((file) => join(root, 'tests/fixtures/heldout', file));

/** The dev set, then our own held-out drafts (written apart from the rules, to see whether they generalize). */
export function evalLint(
  lint: (draft: string) => Finding[],
  evalDir: string,
  sealed = process.argv.includes('--sealed'),
): LintEval[] {
  const results = [evaluateDrafts('dev-drafts.jsonl', readDrafts(join(evalDir, 'dev-drafts.jsonl')), lint)];
  if (existsSync(HELD_OUT_DRAFTS)) results.push(evaluateDrafts('held-out drafts', readDrafts(HELD_OUT_DRAFTS), lint));
  for (const file of MORE_HELD_OUT_DRAFTS) {
    if (existsSync(file)) results.push(evaluateDrafts(`held-out ${basename(file)}`, readDrafts(file), lint));
  }
  if (sealed)
    for (const file of SEALED_DRAFTS)
      if (existsSync(file)) results.push(evaluateDrafts(`sealed ${basename(file)}`, readDrafts(file), lint));
  return results;
}

export function printLintEvals(results: LintEval[]): void {
  for (const r of results) logLintEval(r);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { createEngine } = await import('../engine/index.ts');
  const { DEFAULT_PACKS } = await import('../engine/default-packs.ts');
  const { createLinter } = await import('../engine/lint.ts');
  const { mergePacks } = await import('../engine/pack-merge.ts');
  const evalDir = process.env.HUASHU_EVAL_DIR ?? join(root, '../shared/eval');
  // --rules-only: the pattern rules alone, without the learned reader (to see what each part adds).
  const merged = mergePacks(DEFAULT_PACKS);
  const lint = process.argv.includes('--rules-only')
    ? createLinter(merged.rules, merged.classes)
    : createEngine(DEFAULT_PACKS).lint;
  // --file <path> (repeatable): those draft files only, e.g. a new blind set measured once.
  const files = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--file' ? [arg] : []));
  printLintEvals(
    files.length > 0
      ? files.map((file) => evaluateDrafts(basename(file), readDrafts(file), lint))
      : evalLint(lint, evalDir),
  );
}

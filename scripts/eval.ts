// Evaluates scenario detection, emotion and sensitive-data spans on the labelled dev messages and on our held-out set.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import type { Detection, Emotion, MergedScenario, Pack, ScenarioMatch, SensitiveKind } from '../engine/types.ts';
import { mergePacks } from '../engine/pack-merge.ts';
import { createPhraseSearch } from '../engine/search.ts';
import { evaluateSearch, printSearchEval, readQueries } from './eval-search.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(process.env.HUASHU_EVAL_DIR ?? join(root, '../shared/eval'));
// Our held-out sets: messages.jsonl written before any tuning, messages-2.jsonl after round 3, fresh-3.jsonl before round 4, fresh-4 and fresh-5 later from the scenario contract alone; never tuned on.
// blind-messages-1 and -2 were written from the scenario contract alone in real chat style (see the README there).
const heldOutFiles = [
  'messages.jsonl',
  'messages-2.jsonl',
  'fresh-3.jsonl',
  'fresh-4.jsonl',
  'fresh-5.jsonl',
  'blind-messages-1.jsonl',
  'blind-messages-3.jsonl',
  'blind-messages-4.jsonl',
  'blind-messages-6.jsonl',
  'blind-messages-8.jsonl',
  'blind-messages-10.jsonl',
  'blind-messages-11.jsonl',
  'blind-messages-14.jsonl',
  'blind-messages-15.jsonl',
  'blind-messages-17.jsonl',
  'blind-messages-21.jsonl',
  'blind-messages-23.jsonl',
  'blind-messages-24.jsonl',
  'blind-messages-26.jsonl',
  'blind-messages-28.jsonl',
  'blind-messages-30.jsonl',
  'blind-messages-32.jsonl',
].map((file) => join(root, 'tests/fixtures/heldout', file));
// Sealed sets: printed only with --sealed, for the final figure of a round, so nobody tunes on them by looking.
const sealedFiles = [
  'blind-messages-2.jsonl',
  'blind-messages-5.jsonl',
  'blind-messages-7.jsonl',
  'blind-messages-9.jsonl',
  'blind-messages-12.jsonl',
  'blind-messages-13.jsonl',
  'blind-messages-16.jsonl',
  'blind-messages-18.jsonl',
  'blind-messages-19.jsonl',
  'blind-messages-20.jsonl',
  'blind-messages-22.jsonl',
  'blind-messages-25.jsonl',
  'blind-messages-27.jsonl',
  'blind-messages-29.jsonl',
  'blind-messages-31.jsonl',
  'blind-messages-33.jsonl',
].map((file) => join(root, 'tests/fixtures/heldout', file));
// Our later sets, each written fresh after a tuning round, measured once untouched and then tuned on (see README there).
const tuningFiles = [
  'tuning.jsonl',
  'tuning-2.jsonl',
  'tuning-3.jsonl',
  'tuning-4.jsonl',
  'tuning-5.jsonl',
  'tuning-6.jsonl',
  'tuning-7.jsonl',
  'tuning-8.jsonl',
  'tuning-9.jsonl',
  'tuning-10.jsonl',
  'tuning-11.jsonl',
  'tuning-12.jsonl',
  'tuning-13.jsonl',
  'tuning-14.jsonl',
  'tuning-15.jsonl',
  'tuning-16.jsonl',
].map((file) => join(root, 'tests/fixtures/heldout', file));
const verbose = process.argv.includes('--verbose');

/** One labelled customer message (the format of dev-messages.jsonl). */
export interface LabelledMessage {
  text: string;
  /** The scenario id that must come first, or "none" when the detector must abstain. */
  expect: string;
  /** Other scenarios the message also carries (ranked after `expect`). */
  also?: string[];
  lang: string;
  emotion: Emotion;
  sensitive?: SensitiveKind[];
}

export function readJsonl(file: string): LabelledMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line !== '')
    .map(({ line, i }) => {
      try {
        return JSON.parse(line) as LabelledMessage;
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not a JSON object (${(error as Error).message}); fix or remove the line.`);
      }
    });
}

export interface Tally {
  total: number;
  top1: number;
  top3: number;
  /** Messages labelled none, messages abstained on, and both. */
  none: number;
  abstained: number;
  abstainedOnNone: number;
}

export const emptyTally = (): Tally => ({ total: 0, top1: 0, top3: 0, none: 0, abstained: 0, abstainedOnNone: 0 });

/** Counts one answer: top-1 and top-3 hits, and for `none` an abstention counts as the right answer. */
export function countAnswer(tally: Tally, row: LabelledMessage, scenarios: readonly ScenarioMatch[]): void {
  tally.total++;
  const abstained = scenarios.length === 0;
  if (abstained) tally.abstained++;
  if (row.expect === 'none') {
    tally.none++;
    if (abstained) {
      tally.abstainedOnNone++;
      tally.top1++;
      tally.top3++;
    }
    return;
  }
  if (scenarios[0]?.id === row.expect) tally.top1++;
  if (scenarios.slice(0, 3).some((s) => s.id === row.expect)) tally.top3++;
}

const ratio = (n: number, d: number): string => (d === 0 ? '—' : (n / d).toFixed(3));

function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(`\n## ${title}\n`);
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

const tallyRow = (name: string, t: Tally): string[] => [
  name,
  String(t.total),
  ratio(t.top1, t.total),
  ratio(t.top3, t.total),
  ratio(t.abstainedOnNone, t.abstained),
  ratio(t.abstainedOnNone, t.none),
];

export type DetectScenarios = (text: string) => Detection;

export interface DetectionTallies {
  overall: Tally;
  byLanguage: Map<string, Tally>;
  byScenario: Map<string, Tally>;
  emotionRight: number;
  /** Per labelled emotion: [right, labelled], so each class's recall shows (anxious is the one word lists miss). */
  emotionByClass: Map<string, [number, number]>;
  /** One line per wrong top-1 answer (and per wrong emotion), for --verbose. */
  misses: string[];
}

/** Runs the detector on every labelled message and counts the answers overall, per language and per expected scenario. */
export function tallyDetections(rows: readonly LabelledMessage[], detect: DetectScenarios): DetectionTallies {
  const overall = emptyTally();
  const byLanguage = new Map<string, Tally>();
  const byScenario = new Map<string, Tally>();
  const misses: string[] = [];
  let emotionRight = 0;
  const emotionByClass = new Map<string, [number, number]>();
  for (const row of rows) {
    const detection = detect(row.text);
    countAnswer(overall, row, detection.scenarios);
    for (const [map, key] of [
      [byLanguage, row.lang],
      [byScenario, row.expect],
    ] as const) {
      if (!map.has(key)) map.set(key, emptyTally());
      countAnswer(map.get(key)!, row, detection.scenarios);
    }
    const cell = emotionByClass.get(row.emotion) ?? [0, 0];
    cell[1]++;
    if (detection.emotion === row.emotion) cell[0]++;
    emotionByClass.set(row.emotion, cell);
    if (detection.emotion === row.emotion) emotionRight++;
    else misses.push(`emotion ${detection.emotion} ≠ ${row.emotion}: ${row.text}`);
    if ((detection.scenarios[0]?.id ?? 'none') !== row.expect) {
      misses.push(
        `expect ${row.expect}, got ${detection.scenarios.map((s) => `${s.id} ${s.score}`).join(', ') || 'none'}: ${row.text}`,
      );
    }
  }
  return { overall, byLanguage, byScenario, emotionRight, emotionByClass, misses };
}

/** Prints the detection tables of one labelled set; returns overall top-1 and top-3. */
export function reportDetection(
  setName: string,
  rows: readonly LabelledMessage[],
  detect: DetectScenarios,
): { top1: number; top3: number } {
  const { overall, byLanguage, byScenario, emotionRight, emotionByClass, misses } = tallyDetections(rows, detect);
  const header = ['', 'n', 'top-1', 'top-3', 'abstain precision', 'abstain recall'];
  printTable(`${setName}: detection by language`, header, [
    ...[...byLanguage].sort().map(([k, t]) => tallyRow(k, t)),
    tallyRow('all', overall),
  ]);
  printTable(
    `${setName}: detection by scenario`,
    header,
    [...byScenario].sort().map(([k, t]) => tallyRow(k, t)),
  );
  printTable(
    `${setName}: emotion`,
    ['', 'n', 'accuracy'],
    [
      ...[...emotionByClass].sort().map(([emotion, [right, n]]) => [emotion, String(n), ratio(right, n)]),
      ['all', String(rows.length), ratio(emotionRight, rows.length)],
    ],
  );
  printReliability(setName, rows, detect);
  if (verbose) for (const miss of misses) console.log('  ' + miss);
  else
    console.log(
      `\n${misses.filter((m) => m.startsWith('expect')).length} top-1 misses (run with --verbose to list them)`,
    );
  return { top1: overall.top1 / overall.total, top3: overall.top3 / overall.total };
}

/** Score bands of the top answer (the confidence the panel shows), with how often that answer was right. */
const RELIABILITY_BANDS = [0, 0.35, 0.5, 0.7, 0.85, 0.95, 1.0001];

/**
 * The reliability table: for each band of the best score, how many messages got an answer in it and how often it was
 * the labelled scenario. A calibrated detector is right more often in higher bands; "abstained" counts the messages
 * that got none, and how many of those were labelled none.
 */
export function printReliability(setName: string, rows: readonly LabelledMessage[], detect: DetectScenarios): void {
  const bands = RELIABILITY_BANDS.slice(0, -1).map(() => ({ n: 0, right: 0 }));
  let abstained = 0;
  let abstainedRight = 0;
  for (const row of rows) {
    const best = detect(row.text).scenarios[0];
    if (!best) {
      abstained++;
      if (row.expect === 'none') abstainedRight++;
      continue;
    }
    const band = RELIABILITY_BANDS.findIndex((upper, i) => i > 0 && best.score < upper) - 1;
    const cell = bands[Math.max(0, band)]!;
    cell.n++;
    if (best.id === row.expect) cell.right++;
  }
  const table = bands.map((b, i) => [
    `${RELIABILITY_BANDS[i]!.toFixed(2)}–${Math.min(1, RELIABILITY_BANDS[i + 1]!).toFixed(2)}`,
    String(b.n),
    ratio(b.right, b.n),
  ]);
  table.push(['abstained', String(abstained), ratio(abstainedRight, abstained)]);
  printTable(`${setName}: reliability (top score band → share right)`, ['band', 'n', 'right'], table);
}

/** Recall of labelled sensitive kinds: a labelled kind counts as found when some span of that kind was reported. */
export function reportSensitive(setName: string, rows: readonly LabelledMessage[], detect: DetectScenarios): void {
  const byKind = new Map<string, { labelled: number; found: number }>();
  for (const row of rows) {
    if (!row.sensitive?.length) continue;
    const spans = detect(row.text).sensitive;
    for (const kind of row.sensitive) {
      const entry = byKind.get(kind) ?? { labelled: 0, found: 0 };
      entry.labelled++;
      if (spans.some((s) => s.kind === kind)) entry.found++;
      else if (verbose) console.log(`  sensitive ${kind} missed: ${row.text}`);
      byKind.set(kind, entry);
    }
  }
  const total = [...byKind.values()].reduce(
    (a, e) => ({ labelled: a.labelled + e.labelled, found: a.found + e.found }),
    { labelled: 0, found: 0 },
  );
  printTable(
    `${setName}: sensitive-data recall`,
    ['kind', 'labelled', 'found', 'recall'],
    [
      ...[...byKind].sort().map(([k, e]) => [k, String(e.labelled), String(e.found), ratio(e.found, e.labelled)]),
      ['all', String(total.labelled), String(total.found), ratio(total.found, total.labelled)],
    ],
  );
}

/** The scenarios of the packs, same id unioned (what the detector sees), for when the engine's pack merging is not available. */
export function mergeScenariosLocally(packs: readonly Pack[]): MergedScenario[] {
  const merged = new Map<string, MergedScenario>();
  for (const pack of packs) {
    for (const s of pack.scenarios ?? []) {
      const into = merged.get(s.id) ?? {
        id: s.id,
        title: s.title,
        triggers: [],
        examples: [],
        replies: [],
        tips: [],
        packIds: [],
      };
      into.triggers.push(...(s.triggers ?? []));
      into.examples.push(...(s.examples ?? []));
      into.packIds.push(pack.id);
      merged.set(s.id, into);
    }
  }
  return [...merged.values()];
}

interface EvalEngine {
  detect: DetectScenarios;
  lint?: (draft: string) => unknown;
  hasSensitive: boolean;
}

async function loadEngine(): Promise<EvalEngine> {
  try {
    const { createEngine } = await import('../engine/index.ts');
    const engine = createEngine(DEFAULT_PACKS);
    return { detect: (text) => engine.detect(text), lint: engine.lint, hasSensitive: true };
  } catch (error) {
    console.log(
      `(engine/index.ts could not be loaded: ${(error as Error).message.split('\n')[0]}; detection and emotion run on their own)`,
    );
    const { createScenarioDetector } = await import('../engine/detect.ts');
    const { detectEmotion } = await import('../engine/emotion.ts');
    const detectScenarios = createScenarioDetector(mergeScenariosLocally(DEFAULT_PACKS));
    return {
      detect: (text) => ({ text, scenarios: detectScenarios(text, 3), emotion: detectEmotion(text), sensitive: [] }),
      hasSensitive: false,
    };
  }
}

async function main(): Promise<void> {
  const devFile = join(evalDir, 'dev-messages.jsonl');
  if (!existsSync(devFile)) {
    console.error(`No evaluation data at ${devFile}: put shared/ beside the repository or set HUASHU_EVAL_DIR.`);
    process.exit(1);
  }
  const engine = await loadEngine();
  const dev = readJsonl(devFile);
  const devFigures = reportDetection(`dev (${devFile})`, dev, engine.detect);
  if (engine.hasSensitive) reportSensitive('dev', dev, engine.detect);
  else console.log('\nsensitive-data recall: skipped (engine/sensitive.ts not available yet)');

  const heldOutFigures: string[] = [];
  for (const file of heldOutFiles) {
    if (!existsSync(file)) continue;
    const name = file.slice(root.length + 1);
    const heldOut = readJsonl(file);
    const figures = reportDetection(`held-out (${name})`, heldOut, engine.detect);
    heldOutFigures.push(`${name}: top-1 ${figures.top1.toFixed(3)}, top-3 ${figures.top3.toFixed(3)}`);
    if (engine.hasSensitive) reportSensitive(`held-out (${name})`, heldOut, engine.detect);
  }

  if (process.argv.includes('--sealed')) {
    for (const file of sealedFiles)
      if (existsSync(file)) reportDetection(`sealed (${file.slice(root.length + 1)})`, readJsonl(file), engine.detect);
  }
  if (process.argv.includes('--tuning')) {
    for (const file of tuningFiles)
      if (existsSync(file)) reportDetection(`tuning (${file.slice(root.length + 1)})`, readJsonl(file), engine.detect);
  }

  // Reply search: the dev query set always, the sealed one with --sealed.
  const search = createPhraseSearch(mergePacks(DEFAULT_PACKS));
  for (const [file, sealed] of [
    ['blind-queries-1.jsonl', false],
    ['blind-queries-2.jsonl', true],
    ['blind-queries-3.jsonl', true],
    ['blind-queries-4.jsonl', false],
  ] as const) {
    const path = join(root, 'tests/fixtures/heldout', file);
    if (existsSync(path) && (!sealed || process.argv.includes('--sealed')))
      printSearchEval(evaluateSearch(sealed ? `sealed ${file}` : file, readQueries(path), search), verbose && !sealed);
  }

  const lintEvalFile = join(root, 'scripts/eval-lint.ts');
  if (existsSync(lintEvalFile) && engine.lint) {
    const lintEval = (await import(pathToFileURL(lintEvalFile).href)) as Record<string, unknown>;
    if (typeof lintEval.evalLint === 'function') {
      const result: unknown = await (lintEval.evalLint as (lint: unknown, dir: string) => unknown)(
        engine.lint,
        evalDir,
      );
      // The lint evaluation prints itself, or exports its printer beside it.
      const printer = Object.entries(lintEval).find(
        ([name, value]) => name.startsWith('print') && typeof value === 'function',
      );
      if (printer && result !== undefined) (printer[1] as (r: unknown) => void)(result);
    }
  } else {
    console.log('\nlint evaluation: skipped (scripts/eval-lint.ts or the linter is not available yet)');
  }

  console.log(`\nTargets: top-1 ≥ 0.92, top-3 ≥ 0.98, sensitive recall 1.0.`);
  console.log(`dev: top-1 ${devFigures.top1.toFixed(3)}, top-3 ${devFigures.top3.toFixed(3)}`);
  for (const line of heldOutFigures) console.log(`held-out ${line}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();

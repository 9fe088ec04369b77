// Assembles the shipped packs data/packs/*.json from their authoring sources in data/src/<locale>/,
// and generates the zh-TW pack from zh-CN with OpenCC (phrase-aware, Taiwan usage).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { formatProblem, parsePack } from '../engine/pack-load.ts';
import { maskCustomerMessage } from '../engine/teach.ts';
import type { Checklist, DraftExamples, Pack, Rule, Scenario, Stage } from '../engine/types.ts';
import { readDraftCorpus, withDraftCorpus } from './draft-corpus.ts';
import { type CorpusMessage, readMessageCorpus, withEmotionCorpus, withScenarioCorpus } from './message-corpus.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'data/src');

/** Sections of a pack, each authored in its own file so replies, triggers and rules evolve independently. */
interface PackSources {
  meta: Omit<Pack, 'scenarios' | 'stages' | 'rules'>;
  /** scenarios.json: titles, replies and tips; stages. */
  content: { scenarios?: Scenario[]; stages?: Stage[] };
  /** triggers.json: scenario id → trigger words and example messages. */
  triggers: Record<string, { triggers?: string[]; examples?: string[] }>;
  /** rules.json: the warning rules. */
  rules: Rule[];
  /** draft-examples.json: labelled drafts the draft reader learns from, and its notes. */
  draftExamples?: DraftExamples;
  /** emotion-examples.json: customer messages by emotion, which the emotion reader learns from. */
  emotionExamples?: Pack['emotionExamples'];
  /** checklist.json: the conversation checklist (质检) and its pass line. */
  checklist?: Checklist;
}

function readJson<T>(file: string, fallback: T): T {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : fallback;
}

/** draft-examples.json with the locale's labelled draft corpus (draft-corpus.jsonl) folded in. */
function draftExamplesOf(locale: string): DraftExamples | undefined {
  const dir = join(srcDir, locale);
  const examples = readJson<DraftExamples | undefined>(join(dir, 'draft-examples.json'), undefined);
  const corpus = readDraftCorpus(join(dir, 'draft-corpus.jsonl'));
  return corpus.length === 0 ? examples : withDraftCorpus(examples, corpus);
}

/** The locale's labelled customer messages (message-corpus.jsonl): their emotion and the scenario they are about. */
function messageCorpusOf(locale: string): CorpusMessage[] {
  return readMessageCorpus(join(srcDir, locale, 'message-corpus.jsonl'));
}

/** emotion-examples.json with the locale's message corpus folded in. */
function emotionExamplesOf(locale: string): Pack['emotionExamples'] {
  const examples = readJson<Pack['emotionExamples']>(join(srcDir, locale, 'emotion-examples.json'), undefined);
  const corpus = messageCorpusOf(locale);
  return corpus.length === 0 ? examples : withEmotionCorpus(examples, corpus);
}

function readSources(locale: string): PackSources {
  const dir = join(srcDir, locale);
  return {
    meta: readJson(join(dir, 'meta.json'), {} as PackSources['meta']),
    content: readJson(join(dir, 'scenarios.json'), {}),
    triggers: readJson(join(dir, 'triggers.json'), {}),
    rules: readJson(join(dir, 'rules.json'), []),
    draftExamples: draftExamplesOf(locale),
    emotionExamples: emotionExamplesOf(locale),
    checklist: readJson<Checklist | undefined>(join(dir, 'checklist.json'), undefined),
  };
}

export function assemblePack(sources: PackSources): Pack {
  const scenarioIds = new Set((sources.content.scenarios ?? []).map((s) => s.id));
  const scenarios: Scenario[] = (sources.content.scenarios ?? []).map((s) => {
    const t = sources.triggers[s.id] ?? {};
    return {
      id: s.id,
      title: s.title,
      triggers: t.triggers ?? [],
      examples: t.examples ?? [],
      replies: s.replies ?? [],
      tips: s.tips ?? [],
    };
  });
  // Triggers for a scenario the content file does not name yet still reach the detector.
  for (const [id, t] of Object.entries(sources.triggers)) {
    if (!scenarioIds.has(id))
      scenarios.push({ id, title: id, triggers: t.triggers ?? [], examples: t.examples ?? [], replies: [], tips: [] });
  }
  const pack: Pack = { ...sources.meta, scenarios, stages: sources.content.stages ?? [], rules: sources.rules };
  return {
    ...pack,
    ...(sources.draftExamples && { draftExamples: sources.draftExamples }),
    ...(sources.emotionExamples && { emotionExamples: sources.emotionExamples }),
    ...(sources.checklist && { checklist: sources.checklist }),
  };
}

/** Converts every human-readable string of a pack; ids, categories and severities stay as they are. */
export function convertPackText(pack: Pack, convert: (text: string) => string): Pack {
  // A checklist item's kind, when and scenario ids are names, not text.
  const KEEP = new Set([
    'id',
    'schemaVersion',
    'version',
    'locale',
    'category',
    'severity',
    'merge',
    'sensitive',
    'kind',
    'when',
    'scenarios',
  ]);
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key !== undefined && KEEP.has(key) ? value : convert(value);
    if (Array.isArray(value)) {
      const converted = value.map((v) => walk(v, key));
      // Two simplified phrases can become one traditional phrase (联系/联络 → 聯絡): keep each once.
      return converted.every((v) => typeof v === 'string') ? [...new Set(converted)] : converted;
    }
    if (value && typeof value === 'object') {
      // A rule's expected fixes are keyed by its match drafts, which are converted too.
      if (key === 'fixed') return Object.fromEntries(Object.entries(value).map(([k, v]) => [convert(k), walk(v)]));
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(pack) as Pack;
}

/**
 * The pack with every example customer message masked as the agents' own corrections are (engine/teach.ts): a phone number, an
 * e-mail or a long digit run becomes a placeholder (drafts are the agents' own text and stay as written). The packs are stored in the browser
 * and bundled, and a made-up number in an example looks like a customer's to whoever reads them.
 */
export function withMaskedExamples(pack: Pack): Pack {
  const mask = (texts: readonly string[] | undefined): string[] => [
    ...new Set((texts ?? []).map((text) => maskCustomerMessage(text))),
  ];
  const maskEach = <K extends string>(record: Partial<Record<K, string[]>> | undefined) =>
    record &&
    (Object.fromEntries(Object.entries(record).map(([k, v]) => [k, mask(v as string[])])) as Record<K, string[]>);
  return {
    ...pack,
    ...(pack.noScenarioExamples && { noScenarioExamples: mask(pack.noScenarioExamples) }),
    ...(pack.scenarios && {
      scenarios: pack.scenarios.map((s) => (s.examples ? { ...s, examples: mask(s.examples) } : s)),
    }),
    ...(pack.emotionExamples && { emotionExamples: maskEach(pack.emotionExamples) }),
  };
}

export function formatPack(pack: Pack): string {
  return JSON.stringify(pack, null, 2) + '\n';
}

/** File name → content of every shipped pack. */
export function buildPacks(): Record<string, string> {
  const zhCN: Pack = assemblePack(readSources('zh-CN'));
  const en = withScenarioCorpus(assemblePack(readSources('en')), messageCorpusOf('en'));
  const openccTaiwan = OpenCC.Converter({ from: 'cn', to: 'twp' });
  // OpenCC leaves 賬 (Taiwan writes 帳號, 帳戶, 入帳) and mainland quotation marks (Taiwan uses 「」).
  const taiwanUsage = OpenCC.CustomConverter([
    ['賬', '帳'],
    ['“', '「'],
    ['”', '」'],
  ]);
  const toTraditional = (text: string): string => taiwanUsage(openccTaiwan(text));
  // One merged rule serves both scripts (the zh-CN pack's wins): it carries its rewrite in traditional characters too.
  zhCN.rules = (zhCN.rules ?? []).map((rule) =>
    rule.rewrite === undefined ? rule : { ...rule, rewriteTraditional: toTraditional(rule.rewrite) },
  );
  const converted = convertPackText(zhCN, toTraditional);
  // The zh-TW pack learns from drafts and messages written in Taiwan (data/src/zh-TW), not from the zh-CN ones
  // converted: both packs are on by default, and the same texts twice would only double the training. The notes are
  // converted. (The scenarios' authored examples are converted as the rest of the pack is.)
  const taiwanDrafts = draftExamplesOf('zh-TW') ?? {};
  const taiwanEmotions = emotionExamplesOf('zh-TW') ?? {};
  const zhTW: Pack = {
    ...withScenarioCorpus(converted, messageCorpusOf('zh-TW')),
    draftExamples: { ...taiwanDrafts, notes: converted.draftExamples?.notes ?? {} },
    emotionExamples: taiwanEmotions,
    id: 'zh-TW',
    locale: 'zh-TW',
    name: '預設話術（繁體中文）',
    description: '由簡體中文預設話術轉換而來(台灣用語)：標準話術、情境辨識詞與禁用語規則。',
  };
  return {
    'zh-CN.json': formatPack(withMaskedExamples(withScenarioCorpus(zhCN, messageCorpusOf('zh-CN')))),
    'zh-TW.json': formatPack(withMaskedExamples(zhTW)),
    'en.json': formatPack(withMaskedExamples(en)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = Object.entries(buildPacks());
  // A pack that would not load (a gap over its limit, a bad group) is reported here, and nothing is written.
  const problems = built.flatMap(([file, content]) => {
    const result = parsePack(content, `data/packs/${file}`);
    return result.ok ? [] : result.problems.map(formatProblem);
  });
  if (problems.length > 0) {
    console.error('The packs were not written: fix these in data/src/<locale>/ (positions are in the pack as built).');
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  for (const [file, content] of built) {
    writeFileSync(join(root, 'data/packs', file), content);
    console.log(`wrote data/packs/${file}`);
  }
}

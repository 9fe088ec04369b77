// Lint benchmark: time per call on a 2 000-character draft, default packs and 10 000 generated rules, beside an indexOf loop.
import { fileURLToPath } from 'node:url';
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import { createEngine } from '../engine/index.ts';
import { createLinter } from '../engine/lint.ts';
import { normalizeForMatch, normalizeText } from '../engine/normalize.ts';
import { mergePacks } from '../engine/pack-merge.ts';
import type { Rule } from '../engine/types.ts';
import { createLiteralLinter } from './literal-linter.ts';
import { seededIntegers } from './seeded-random.ts';
import { printTable, timeIt, type BenchRow } from './table.ts';

const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';

/** A draft of `length` characters: everyday Chinese and English service text with a few forbidden phrases in it. */
function makeDraft(length: number): string {
  const pieces = [
    '您好,很高兴为您服务。',
    '我帮您查一下订单。',
    'Thanks for waiting, ',
    '但是',
    '我不能',
    'I can’t ',
    '保证金',
  ];
  let draft = '';
  const next = seededIntegers(7);
  while (draft.length < length) {
    const roll = next();
    draft += roll % 5 === 0 ? pieces[roll % pieces.length] : HAN[roll % HAN.length];
  }
  return draft.slice(0, length);
}

/** 10 000 rules of three phrases each, made of common characters so that many of them almost match. */
function makeRules(count: number): Rule[] {
  const rules: Rule[] = [];
  const next = seededIntegers(11);
  for (let i = 0; i < count; i++) {
    const patterns = Array.from({ length: 3 }, () =>
      Array.from({ length: 2 + (next() % 4) }, () => HAN[next() % HAN.length]).join(''),
    );
    rules.push({ id: `gen.${i}`, category: 'refusal', severity: 'warning', patterns, message: 'generated' });
  }
  return rules;
}

/** The obvious way: normalize the draft, then indexOf every normalized pattern of every rule. */
function indexOfBaseline(rules: readonly Rule[]): (draft: string) => number {
  const patterns = rules.flatMap((r) => (r.patterns ?? []).map(normalizeForMatch));
  return (draft) => {
    const text = normalizeText(draft).text;
    let hits = 0;
    for (const p of patterns) {
      let at = text.indexOf(p);
      while (at !== -1) {
        hits++;
        at = text.indexOf(p, at + 1);
      }
    }
    return hits;
  };
}

/** 10 000 pattern rules: each with a gap, an alternative group, an optional part and a word class. */
function makePatternRules(count: number): Rule[] {
  const rules: Rule[] = [];
  const next = seededIntegers(13);
  const word = (length: number): string => Array.from({ length }, () => HAN[next() % HAN.length]).join('');
  for (let i = 0; i < count; i++) {
    const patterns = [
      `<we>(${word(1)}|${word(2)})?${word(2)}…${word(2)}`,
      `(${word(2)}|${word(2)}|${word(3)})${word(1)}{0,8}<you>${word(1)}`,
    ];
    rules.push({ id: `gen.pattern.${i}`, category: 'refusal', severity: 'warning', patterns, message: 'generated' });
  }
  return rules;
}

export function benchLint(): BenchRow[] {
  const draft = makeDraft(2000);
  const rows: BenchRow[] = [];
  const sets: Array<[string, Rule[]]> = [
    ['default packs', mergePacks(DEFAULT_PACKS).rules],
    ['10 000 generated rules', makeRules(10_000)],
  ];
  for (const [name, rules] of sets) {
    const lint = createLinter(rules);
    const baseline = indexOfBaseline(rules);
    const label = `lint, 2 000 chars, ${name} (${rules.length} rules)`;
    const ours = timeIt(() => lint(draft), 300);
    const base = timeIt(() => baseline(draft), name.startsWith('10') ? 30 : 300, 5);
    rows.push({
      case: label,
      subject: 'huashu (Aho–Corasick)',
      ...ours,
      note: `${(base.medianMs / ours.medianMs).toFixed(1)}× faster than the baseline (median)`,
    });
    rows.push({ case: label, subject: 'baseline: indexOf per pattern', ...base });
  }
  // The pattern language against the literal linter it replaced, on the same 10 000 literal rules, and on pattern rules.
  const literalRules = makeRules(10_000);
  const patternRules = makePatternRules(10_000);
  const oldLint = createLiteralLinter(literalRules);
  const newLint = createLinter(literalRules);
  const patternLint = createLinter(patternRules);
  const oldRow = timeIt(() => oldLint(draft), 300);
  const newRow = timeIt(() => newLint(draft), 300);
  const patternRow = timeIt(() => patternLint(draft), 300);
  const label = 'lint, 2 000 chars, 10 000 rules';
  rows.push({ case: label, subject: 'baseline: the literal-phrase linter', ...oldRow });
  rows.push({
    case: label,
    subject: 'huashu, the same literal rules',
    ...newRow,
    note: `${(newRow.medianMs / oldRow.medianMs).toFixed(2)}× the baseline (median)`,
  });
  rows.push({
    case: label,
    subject: 'huashu, 10 000 pattern rules (gaps, classes, alternatives)',
    ...patternRow,
    note: 'target: median ≤ 0.5 ms',
  });
  // Linear in the draft's length: the time per 1 000 characters stays flat from 1 000 to 100 000.
  for (const length of [1_000, 10_000, 100_000]) {
    const long = makeDraft(length);
    const timing = timeIt(() => patternLint(long), length >= 100_000 ? 20 : 100, 3);
    rows.push({
      case: `lint, ${length.toLocaleString('en')} chars, 10 000 pattern rules`,
      subject: 'huashu',
      ...timing,
      note: `${((timing.medianMs / length) * 1000).toFixed(3)} ms per 1 000 characters`,
    });
  }
  // Both sides normalize the draft first; with a few dozen rules that, not the scan, is most of the time.
  const normalizeOnly = timeIt(() => normalizeText(draft), 300);
  rows.push({
    case: 'normalizeText, 2 000 chars (inside both rows above)',
    subject: 'huashu',
    ...normalizeOnly,
    note: 'target: lint ≤ 0.3 ms with 10 000 rules, ≥ 10× the baseline',
  });
  return rows;
}

/**
 * The learned draft reader (engine/lint-learned.ts) on the shipped packs, beside the rules alone: its training, once per
 * set of packs; a keystroke, where only the sentence being typed is new; and drafts whose every sentence is new.
 */
export function benchLearnedLint(): BenchRow[] {
  const merged = mergePacks(DEFAULT_PACKS);
  const rulesOnly = createLinter(merged.rules, merged.classes);
  // Engines built beforehand: the row times the reader's training alone, not the detector's indexes.
  const engines = Array.from({ length: 6 }, () => createEngine(DEFAULT_PACKS));
  const training = timeIt(() => engines.pop()!.prepareLint(), 5, 1);
  const engine = createEngine(DEFAULT_PACKS);
  engine.prepareLint();
  const typed =
    '亲，您好！订单已经帮您查过了。仓库显示昨天已经出库，快递单号在订单详情里。今天应该能到，您留意一下电话哦';
  let keystroke = 0;
  // Each call types one more character of the last sentence, as an agent does.
  const typeNext = (): string => `${typed}${HAN[keystroke++ % HAN.length]}`;
  let fresh = 0;
  // Each call is a draft of four sentences none of which was read before: the cache never helps.
  const freshDraft = (): string =>
    [0, 1, 2, 3].map((i) => `${HAN.slice((fresh * 4 + i) % 500, ((fresh * 4 + i) % 500) + 30)}。`).join('') +
    String(fresh++);
  const rows: BenchRow[] = [
    {
      case: 'learned reader: training on the shipped packs',
      subject: 'huashu, prepareLint',
      ...training,
      note: 'once per set of packs, when the page is idle',
    },
  ];
  const label = 'lint a typed draft (60 chars, 5 sentences), shipped packs';
  rows.push({ case: label, subject: 'baseline: the rules alone', ...timeIt(() => rulesOnly(typeNext()), 500) });
  rows.push({ case: label, subject: 'huashu, rules + learned reader', ...timeIt(() => engine.lint(typeNext()), 500) });
  const freshLabel = 'lint a draft of 4 unseen sentences (120 chars), shipped packs';
  rows.push({ case: freshLabel, subject: 'baseline: the rules alone', ...timeIt(() => rulesOnly(freshDraft()), 300) });
  rows.push({
    case: freshLabel,
    subject: 'huashu, rules + learned reader',
    ...timeIt(() => engine.lint(freshDraft()), 300),
  });
  // A pasted 20 000-character draft of a thousand sentences, then typed at its end: only the sentence typed is read again.
  const sentence = '亲，您的订单已经发货了，请耐心等待。';
  let long = '';
  for (let i = 0; long.length < 20_000; i++) long += sentence.replace('订单', `订单${i}`);
  engine.lint(long);
  const longLabel = 'lint a 20 000-char draft (1 000 sentences) typed at its end, shipped packs';
  rows.push({
    case: longLabel,
    subject: 'baseline: the rules alone',
    ...timeIt(() => rulesOnly(long + typeNext()), 50),
  });
  rows.push({
    case: longLabel,
    subject: 'huashu, rules + learned reader',
    ...timeIt(() => engine.lint(long + typeNext()), 50),
  });
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printTable('Draft lint, per call', benchLint());
  printTable('Draft lint with the learned reader, per call', benchLearnedLint());
}

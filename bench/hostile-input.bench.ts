// Worst cases timed rather than asserted: a 100 000-character adversarial draft, search as the agent types, and reading one new message of a long conversation.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import { createEngine } from '../engine/index.ts';
import { parsePack } from '../engine/pack-load.ts';
import { mergePacks } from '../engine/pack-merge.ts';
import { createPhraseSearch } from '../engine/search.ts';
import { createGenericAdapter } from '../sites/generic.ts';
import { printTable, timeIt, type BenchRow } from './table.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Phrases that would be catastrophic as regular expressions; packs compare them as literal text. */
const CATASTROPHIC = ['(a+)+$', '(x+x+)+y', '^(([a-z])+.)+[A-Z]([a-z])+$', '(.*a){20}', '\\d+\\d+\\d+$'];

function adversarialLint(): BenchRow {
  const parsed = parsePack(
    JSON.stringify({
      schemaVersion: 1,
      id: 'redos',
      name: 'literal phrases',
      version: '1.0.0',
      locale: 'en',
      rules: CATASTROPHIC.map((pattern, i) => ({
        id: `redos.${i}`,
        category: 'refusal',
        severity: 'warning',
        patterns: [pattern],
        message: 'literal',
      })),
    }),
    'redos.json',
  );
  if (!parsed.ok) throw new Error('the bench pack does not validate');
  const engine = createEngine([parsed.pack]);
  // Long runs that almost match: what makes a backtracking engine explode.
  const draft = `${'a'.repeat(50_000)}!${'x'.repeat(49_000)}${'1'.repeat(998)}(a+)+$`;
  return {
    case: 'lint, 100 000-char adversarial draft, literal ReDoS phrases',
    subject: 'huashu',
    ...timeIt(() => engine.lint(draft), 20, 2),
    note: 'a backtracking regular expression would not finish',
  };
}

function typingSearch(): BenchRow {
  const search = createPhraseSearch(mergePacks(DEFAULT_PACKS));
  search.search('warmup');
  const keystrokes = ['t', 'tk', 'tku', 'tkua', 'tkuan'];
  const timing = timeIt(
    () => {
      for (const query of keystrokes) search.search(query);
    },
    100,
    5,
  );
  // Per keystroke: the five searches of one typed word share each run.
  return {
    case: 'panel search, "tkuan" typed one key at a time (per key)',
    subject: 'huashu',
    medianMs: timing.medianMs / 5,
    p99Ms: timing.p99Ms / 5,
    runs: timing.runs,
  };
}

function newestMessageReads(): BenchRow[] {
  const window = new Window({ url: 'https://chat.example.cn/console' });
  // The adapter checks element kinds with instanceof, as it does in the page: give Node the DOM classes of this window.
  const globals = globalThis as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(window)) {
    if (/^(Node|Text|Element|(HTML|SVG)\w*Element)$/u.test(name) && !(name in globals))
      globals[name] = (window as unknown as Record<string, unknown>)[name];
  }
  const html = readFileSync(join(here, '..', 'tests', 'fixtures', 'sites', 'generic-bubbles.html'), 'utf8');
  window.document.write(html);
  const doc = window.document as unknown as Document;
  const generic = createGenericAdapter();
  const list = generic.findMessageList(doc);
  if (!list) throw new Error('generic-bubbles: no message list found');
  const template = list.querySelector('.bubble-left')!;
  const add = (text: string): Element => {
    const item = template.cloneNode(true) as Element;
    item.querySelector('p')!.textContent = text;
    list.append(item);
    return item;
  };
  const rows: BenchRow[] = [];
  for (const [label, total] of [
    ['short conversation', 0],
    ['3 000 earlier messages', 3000],
  ] as const) {
    for (let index = 0; index < total; index++) add(`消息 ${index}`);
    const newest = add(`新消息 ${list.children.length}`);
    rows.push({
      case: `generic adapter, read the newest message, ${label}`,
      subject: 'huashu',
      ...timeIt(() => generic.readMessage!(newest, list), 200, 20),
    });
  }
  rows.at(-1)!.note =
    `${(rows[1]!.medianMs / rows[0]!.medianMs).toFixed(1)}× the short one (a whole-list read would be hundreds)`;
  void window.happyDOM.close();
  return rows;
}

export function benchHostileInput(): BenchRow[] {
  return [adversarialLint(), typingSearch(), ...newestMessageReads()];
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  printTable('Worst cases: hostile input, typing, long conversations', benchHostileInput());

// What an agent teaches the detector: customer messages masked for keeping on the device, bounded lists of corrections
// and unmatched messages, and the local pack built from the corrections.
import { scopeTitles } from './catalog.ts';
import { guessLanguage, type ConversationLanguage } from './language.ts';
import { findSensitive } from './sensitive.ts';
import { PACK_SCHEMA_VERSION, type Pack, type Scenario, type SensitiveKind } from './types.ts';

/** The pack the corrections become on this device. */
export const TAUGHT_PACK_ID = 'taught';

export const TEACH_LIMITS = Object.freeze({
  /** Corrections kept; the oldest goes first. */
  corrections: 500,
  /** Messages detection found no scenario for, the most recent kept. */
  unmatched: 200,
  /** Days an unmatched message is kept for labelling. */
  unmatchedDays: 30,
  /** Characters (code points) of a kept message, after masking. */
  messageLength: 500,
  /** Shorter digit runs stay (a quantity, a year, a price): longer ones can be account, order or member numbers. */
  maskedDigitRun: 6,
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** One thing the agent said about one customer message (already masked). */
export interface TaughtCorrection {
  id: string;
  /** The customer's message, masked (maskCustomerMessage). */
  message: string;
  /** The scenario the panel showed and the agent said the message is not about ("Not this"). */
  notScenario?: string;
  /** The scenario the agent picked; null: the message needs no scenario; absent: only "Not this" was said. */
  scenario?: string | null;
  /** Milliseconds since 1970. */
  at: number;
}

/** A customer message detection found no scenario for, kept (masked) so the agent can label it later. */
export interface UnmatchedMessage {
  id: string;
  message: string;
  at: number;
}

type Placeholder = SensitiveKind | 'number' | 'name';

// Written in the message's own language, so that a team lead reading an exported pack reads a natural sentence; the
// brackets say that something was there and what kind of thing it was, never a character of it.
const PLACEHOLDERS: Record<ConversationLanguage, Record<Placeholder, string>> = {
  'zh-CN': {
    id_card: '［身份证号］',
    bank_card: '［银行卡号］',
    phone: '［手机号］',
    email: '［邮箱］',
    password: '［密码］',
    verification_code: '［验证码］',
    number: '［数字］',
    name: '［客户名］',
  },
  'zh-TW': {
    id_card: '［身分證字號］',
    bank_card: '［銀行卡號］',
    phone: '［手機號碼］',
    email: '［電子郵件］',
    password: '［密碼］',
    verification_code: '［驗證碼］',
    number: '［數字］',
    name: '［客戶名稱］',
  },
  en: {
    id_card: '[id number]',
    bank_card: '[card number]',
    phone: '[phone]',
    email: '[email]',
    password: '[password]',
    verification_code: '[code]',
    number: '[number]',
    name: '[name]',
  },
};

export interface MaskOptions {
  /** The customer's display name as the helpdesk shows it. */
  customerName?: string;
  /** The placeholders' language when the message shows none (digits only): the agent's interface language. */
  fallbackLanguage?: ConversationLanguage;
}

interface Span {
  start: number;
  end: number;
  what: Placeholder;
}

/** The name as written, and its parts a customer may write alone ("Alice" of "Alice Wang", "小明" of "王小明"). */
function nameForms(name: string | undefined): string[] {
  const whole = (name ?? '').trim();
  if ([...whole].length < 2) return [];
  const forms = new Set([whole]);
  for (const part of whole.split(/[\s·.,，]+/u)) if ([...part].length >= 2) forms.add(part);
  // A Chinese name is a one-character surname and a given name the customer may sign with.
  if (/^\p{Script=Han}{3}$/u.test(whole)) forms.add(whole.slice(1));
  // Longest first, so that the whole name is replaced as one.
  return [...forms].sort((a, b) => b.length - a.length);
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function nameSpans(text: string, name: string | undefined): Span[] {
  const spans: Span[] = [];
  for (const form of nameForms(name)) {
    // The name is escaped: it is matched as literal text, case-insensitively for Latin names.
    for (const match of text.matchAll(new RegExp(escapeForRegExp(form), 'giu'))) {
      spans.push({ start: match.index, end: match.index + match[0].length, what: 'name' });
    }
  }
  return spans;
}

// ASCII and full-width digits, in groups joined by single spaces or dashes ("6222 0212 3456").
const DIGIT_RUN = /[0-9０-９](?:[ -]?[0-9０-９])+/gu;

function digitRunSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/[ -]/gu, '').length;
    if (digits >= TEACH_LIMITS.maskedDigitRun)
      spans.push({ start: match.index, end: match.index + match[0].length, what: 'number' });
  }
  return spans;
}

/** At most `limit` code points, with an ellipsis when cut (never inside a surrogate pair). */
function clip(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

/**
 * The message as it may be kept on the device: personal data (ids, cards, phones, e-mails, passwords, codes, as the
 * engine's sensitive-data finder sees them), every run of six digits or more and the customer's name replaced by a
 * placeholder naming the kind; white space folded; at most TEACH_LIMITS.messageLength characters.
 */
export function maskCustomerMessage(text: string, options: MaskOptions = {}): string {
  const language = guessLanguage(text) ?? options.fallbackLanguage ?? 'en';
  const placeholders = PLACEHOLDERS[language];
  // Sensitive spans first: where they overlap a name or a digit run, the more telling placeholder wins.
  const candidates: Span[] = [
    ...findSensitive(text).map((span) => ({ start: span.start, end: span.end, what: span.kind })),
    ...nameSpans(text, options.customerName),
    ...digitRunSpans(text),
  ];
  const kept: Span[] = [];
  for (const span of candidates) {
    if (kept.some((other) => span.start < other.end && other.start < span.end)) continue;
    kept.push(span);
  }
  kept.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of kept) {
    out += text.slice(at, span.start) + placeholders[span.what];
    at = span.end;
  }
  out += text.slice(at);
  // A digit run partly covered by a kept span was dropped above; the digits left beside that placeholder are caught here.
  out = out.replace(DIGIT_RUN, (run) =>
    run.replace(/[ -]/gu, '').length >= TEACH_LIMITS.maskedDigitRun ? placeholders.number : run,
  );
  return clip(out.replace(/\s+/gu, ' ').trim(), TEACH_LIMITS.messageLength);
}

// ---- The bounded lists ----

/** The list with `correction` added, or put in place of the one with its id; the oldest dropped beyond the limit. */
export function withCorrection(list: readonly TaughtCorrection[], correction: TaughtCorrection): TaughtCorrection[] {
  const others = list.filter((c) => c.id !== correction.id);
  return [...others, correction].sort((a, b) => a.at - b.at).slice(-TEACH_LIMITS.corrections);
}

/** Unmatched messages younger than TEACH_LIMITS.unmatchedDays, the most recent TEACH_LIMITS.unmatched of them. */
export function freshUnmatched(list: readonly UnmatchedMessage[], now: number): UnmatchedMessage[] {
  const oldest = now - TEACH_LIMITS.unmatchedDays * DAY_MS;
  return list
    .filter((m) => m.at >= oldest && m.at <= now + DAY_MS)
    .sort((a, b) => a.at - b.at)
    .slice(-TEACH_LIMITS.unmatched);
}

/** The list with `entry` added (an equal message seen again moves to the end with its new time), bounded. */
export function withUnmatched(list: readonly UnmatchedMessage[], entry: UnmatchedMessage): UnmatchedMessage[] {
  return freshUnmatched([...list.filter((m) => m.message !== entry.message), entry], entry.at);
}

// ---- The taught pack ----

export interface TaughtPackOptions {
  /** The title a scenario has in the enabled packs, in the pack's `locale`; undefined: no enabled pack has it. */
  titleOf: (scenarioId: string) => string | undefined;
  locale: string;
  id?: string;
  name?: string;
  version?: string;
  description?: string;
}

/**
 * The corrections as a pack: a picked scenario gets the message among its `examples`, the scenario the agent said
 * "Not this" to gets it among its `counterExamples`, and a message that needs no scenario goes to the pack's
 * `noScenarioExamples`. When the agent said several things about one message, the latest counts. Scenarios that no
 * enabled pack has any more are left out (they would show up without replies). Undefined when nothing is left.
 */
export function buildTaughtPack(
  corrections: readonly TaughtCorrection[],
  options: TaughtPackOptions,
): Pack | undefined {
  const scenarios = new Map<string, Scenario>();
  const noScenario: string[] = [];
  const scenarioFor = (id: string): Scenario | undefined => {
    const title = options.titleOf(id);
    if (title === undefined || title.trim() === '') return undefined;
    let scenario = scenarios.get(id);
    if (!scenario) scenarios.set(id, (scenario = { id, title }));
    return scenario;
  };
  const add = (list: string[] | undefined, message: string): string[] =>
    list?.includes(message) ? list : [...(list ?? []), message];

  const seen = new Set<string>();
  const latestFirst = [...corrections].sort((a, b) => b.at - a.at);
  const chosen: TaughtCorrection[] = [];
  for (const correction of latestFirst) {
    const message = correction.message.trim();
    if (message === '' || seen.has(message)) continue;
    seen.add(message);
    chosen.push({ ...correction, message });
  }
  for (const correction of chosen.reverse()) {
    const { message, notScenario, scenario: picked } = correction;
    if (notScenario !== undefined && notScenario !== picked) {
      const wrong = scenarioFor(notScenario);
      if (wrong) wrong.counterExamples = add(wrong.counterExamples, message);
    }
    if (picked === null) {
      if (!noScenario.includes(message)) noScenario.push(message);
    } else if (picked !== undefined) {
      const right = scenarioFor(picked);
      if (right) right.examples = add(right.examples, message);
    }
  }
  if (scenarios.size === 0 && noScenario.length === 0) return undefined;
  return {
    schemaVersion: PACK_SCHEMA_VERSION,
    id: options.id ?? TAUGHT_PACK_ID,
    name: options.name ?? 'Taught on this device',
    version: options.version ?? '1',
    locale: options.locale,
    ...(options.description ? { description: options.description } : {}),
    ...(scenarios.size > 0
      ? { scenarios: [...scenarios.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) }
      : {}),
    ...(noScenario.length > 0 ? { noScenarioExamples: noScenario } : {}),
  };
}

/** Each scenario's title for the taught pack, as the panel picks titles (catalog.ts scopeTitles). */
export function scenarioTitles(packs: readonly Pack[], locale: string): (scenarioId: string) => string | undefined {
  const lookup = scopeTitles(packs, locale);
  return (id) => {
    const scope = lookup(id);
    return scope?.kind === 'scenario' ? scope.title : undefined;
  };
}

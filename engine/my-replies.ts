// An agent's own replies: what makes one valid (each problem named at its field), variables recognised in a saved draft, and the pack they form.
import type { ScopeLookup } from './catalog.ts';
import { guessLanguage } from './language.ts';
import { findSensitive } from './sensitive.ts';
import { findVariables } from './variables.ts';
import {
  BUILTIN_VARIABLES,
  PACK_SCHEMA_VERSION,
  type Pack,
  type Reply,
  type Scenario,
  type Stage,
  type VariableDefinition,
} from './types.ts';

/** The pack the agent's replies form; merged last, so they come first among their scenario's replies. */
const MY_REPLIES_PACK_ID = 'my-replies';

/**
 * Small enough that a few hundred replies fit storage.sync (100 KB in all, 8 KB an item); a longer text belongs in a
 * team pack.
 */
export const MY_REPLY_LIMITS = Object.freeze({
  textLength: 2000,
  titleLength: 80,
  shortcutLength: 20,
  replies: 300,
});

export interface MyReply {
  /** Stable id on this device: the reply's id in the pack is `mine.<id>`. */
  id: string;
  title: string;
  text: string;
  /** Typed after the picker's trigger (`;;tks`), it puts this reply first. */
  shortcut?: string;
  /** The scenario and stage ids it belongs to. */
  scopes: string[];
  updatedAt: number;
}

export type MyReplyField = 'title' | 'text' | 'shortcut' | 'scopes';

/** What is wrong with a reply the agent is saving: the field, a code the page phrases, and its values. */
export interface MyReplyProblem {
  field: MyReplyField;
  code:
    | 'textEmpty'
    | 'textTooLong'
    | 'titleTooLong'
    | 'unknownVariable'
    | 'personalData'
    | 'shortcutFormat'
    | 'shortcutTaken'
    | 'noScope'
    | 'tooManyReplies';
  params: Record<string, string | number>;
}

export interface MyReplyContext {
  /** The agent's other replies (the one being edited, if any, is left out by id). */
  others: readonly MyReply[];
  /** Pack-defined variable names, beside the built-in ones. */
  variables: readonly string[];
}

// A shortcut is one "word" the picker's query can hold: no spaces, no trigger-like punctuation at its start.
const SHORTCUT = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/** The text that matters for comparing shortcuts: NFKC and lower case (TKS and ｔｋｓ are one shortcut). */
function foldShortcut(shortcut: string): string {
  return shortcut.normalize('NFKC').toLowerCase();
}

/** Every problem of `reply` at once, in the order of the form's fields; empty when it can be saved. */
export function checkMyReply(reply: Omit<MyReply, 'updatedAt'>, context: MyReplyContext): MyReplyProblem[] {
  const problems: MyReplyProblem[] = [];
  const others = context.others.filter((other) => other.id !== reply.id);
  if (Array.from(reply.title.trim()).length > MY_REPLY_LIMITS.titleLength)
    problems.push({ field: 'title', code: 'titleTooLong', params: { limit: MY_REPLY_LIMITS.titleLength } });

  const text = reply.text.trim();
  if (text === '') problems.push({ field: 'text', code: 'textEmpty', params: {} });
  else if (Array.from(text).length > MY_REPLY_LIMITS.textLength)
    problems.push({
      field: 'text',
      code: 'textTooLong',
      params: { limit: MY_REPLY_LIMITS.textLength, length: Array.from(text).length },
    });
  const known = [...BUILTIN_VARIABLES, ...context.variables];
  for (const name of findVariables(text)) {
    if (!known.includes(name))
      problems.push({
        field: 'text',
        code: 'unknownVariable',
        params: { name, known: known.map((k) => `{${k}}`).join(' ') },
      });
  }
  // A reply is kept and may follow the agent's profile to other devices: a customer's number has no place in it.
  const personalIn = (field: MyReplyField, value: string) => {
    const personal = findSensitive(value)[0];
    if (personal)
      problems.push({
        field,
        code: 'personalData',
        params: { kind: personal.kind, found: value.slice(personal.start, personal.end) },
      });
  };
  personalIn('title', reply.title);
  personalIn('text', text);
  if (reply.shortcut) personalIn('shortcut', reply.shortcut);

  const shortcut = reply.shortcut?.trim() ?? '';
  if (shortcut !== '') {
    if (!SHORTCUT.test(shortcut.normalize('NFKC')) || Array.from(shortcut).length > MY_REPLY_LIMITS.shortcutLength)
      problems.push({ field: 'shortcut', code: 'shortcutFormat', params: { limit: MY_REPLY_LIMITS.shortcutLength } });
    else {
      const taken = others.find((other) => other.shortcut && foldShortcut(other.shortcut) === foldShortcut(shortcut));
      if (taken) problems.push({ field: 'shortcut', code: 'shortcutTaken', params: { title: titleOf(taken) } });
    }
  }
  if (reply.scopes.length === 0) problems.push({ field: 'scopes', code: 'noScope', params: {} });
  const isNew = !context.others.some((other) => other.id === reply.id);
  if (isNew && others.length >= MY_REPLY_LIMITS.replies)
    problems.push({ field: 'text', code: 'tooManyReplies', params: { limit: MY_REPLY_LIMITS.replies } });
  return problems;
}

/** The title a reply is listed under: its own, else the start of its text. */
export function titleOf(reply: Pick<MyReply, 'title' | 'text'>): string {
  const title = reply.title.trim();
  if (title !== '') return title;
  const chars = Array.from(reply.text.trim().replace(/\s+/gu, ' '));
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : chars.join('');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * A draft as a reply text: literal braces doubled (so they stay text), then each known value the draft holds (the
 * customer's name, the agent's) written as its variable, in one pass over the draft, the longest value first so
 * "王小明" wins over "小明"; a Latin name only as a whole word ("Al" is not in "Also").
 */
export function recogniseVariables(draft: string, values: Readonly<Record<string, string | undefined>>): string {
  const text = draft.trim();
  const known = Object.entries(values)
    .map(([name, value]) => [name, value?.trim() ?? ''] as const)
    // One letter or character would turn every "a" or "王" of the text into a variable.
    .filter(([, value]) => Array.from(value).length >= 2)
    .sort((a, b) => b[1].length - a[1].length);
  const escapeBraces = (part: string) => part.replace(/\{/gu, '{{').replace(/\}/gu, '}}');
  if (known.length === 0) return escapeBraces(text);
  const nameOf = new Map(known.map(([name, value]) => [value, name]));
  const alternatives = known.map(([, value]) =>
    /^[\p{L}\p{N}]/u.test(value) && !/\p{Script=Han}/u.test(value)
      ? `(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`
      : escapeRegExp(value),
  );
  const pattern = new RegExp(alternatives.join('|'), 'gu');
  let out = '';
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    out += `${escapeBraces(text.slice(at, match.index))}{${nameOf.get(match[0])!}}`;
    at = match.index + match[0].length;
  }
  return out + escapeBraces(text.slice(at));
}

export interface MyRepliesPackOptions {
  locale: string;
  scopeOf: ScopeLookup;
  /** The packs' variable definitions: those the replies use go into the pack, so it validates on its own. */
  variables?: Readonly<Record<string, VariableDefinition>>;
  id?: string;
  name?: string;
  version?: string;
  description?: string;
}

/** The definitions of the pack-defined variables `replies` use, as a pack's `variables` field (none: no field). */
function usedVariables(
  replies: readonly MyReply[],
  definitions: Readonly<Record<string, VariableDefinition>> | undefined,
): { variables?: Record<string, VariableDefinition> } {
  if (!definitions) return {};
  const used = new Set(replies.flatMap((reply) => findVariables(reply.text)));
  const entries = Object.entries(definitions).filter(
    ([name]) => used.has(name) && !(BUILTIN_VARIABLES as readonly string[]).includes(name),
  );
  return entries.length > 0 ? { variables: Object.fromEntries(entries) } : {};
}

/** Whether a pack is (one language of) the agent's own replies. */
export function isMyRepliesPack(packId: string): boolean {
  return packId === MY_REPLIES_PACK_ID || packId.startsWith(`${MY_REPLIES_PACK_ID}.`);
}

/**
 * The replies as one pack, in the agent's order, each under every scope it belongs to. Scopes no enabled pack has any
 * more are left out (their replies are kept, and show again when a pack brings the scope back). Undefined when empty.
 */
export function buildMyRepliesPack(replies: readonly MyReply[], options: MyRepliesPackOptions): Pack | undefined {
  const scenarios = new Map<string, Scenario>();
  const stages = new Map<string, Stage>();
  for (const mine of replies) {
    const reply: Reply = {
      id: `mine.${mine.id}`,
      text: mine.text,
      ...(mine.title.trim() ? { title: mine.title.trim() } : {}),
      ...(mine.shortcut?.trim() ? { shortcut: mine.shortcut.trim() } : {}),
    };
    for (const scopeId of mine.scopes) {
      const scope = options.scopeOf(scopeId);
      if (!scope) continue;
      if (scope.kind === 'scenario') {
        const scenario = scenarios.get(scopeId) ?? { id: scopeId, title: scope.title, replies: [] };
        scenario.replies!.push(reply);
        scenarios.set(scopeId, scenario);
      } else {
        const stage = stages.get(scopeId) ?? { id: scopeId, title: scope.title, replies: [] };
        stage.replies.push(reply);
        stages.set(scopeId, stage);
      }
    }
  }
  if (scenarios.size === 0 && stages.size === 0) return undefined;
  return {
    schemaVersion: PACK_SCHEMA_VERSION,
    id: options.id ?? MY_REPLIES_PACK_ID,
    name: options.name ?? 'My replies',
    version: options.version ?? '1',
    locale: options.locale,
    ...(options.description ? { description: options.description } : {}),
    ...usedVariables(replies, options.variables),
    ...(scenarios.size > 0 ? { scenarios: [...scenarios.values()] } : {}),
    ...(stages.size > 0 ? { stages: [...stages.values()] } : {}),
  };
}

/**
 * The replies as the engine takes them: a pack per language the replies are written in (a pack has one language, and
 * the panel offers replies in the customer's language first), `my-replies.<language>`; a reply whose language cannot
 * be told goes with `options.locale`.
 */
export function buildMyRepliesPacks(replies: readonly MyReply[], options: MyRepliesPackOptions): Pack[] {
  const byLanguage = new Map<string, MyReply[]>();
  for (const reply of replies) {
    const language = guessLanguage(reply.text) ?? options.locale;
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), reply]);
  }
  return [...byLanguage].flatMap(([locale, list]) => {
    const pack = buildMyRepliesPack(list, { ...options, locale, id: `${MY_REPLIES_PACK_ID}.${locale}` });
    return pack ? [pack] : [];
  });
}

/** Moves the reply with `id` one place up (-1) or down (+1); the list as it was when it cannot move. */
export function moveMyReply(replies: readonly MyReply[], id: string, step: -1 | 1): MyReply[] {
  const at = replies.findIndex((reply) => reply.id === id);
  const to = at + step;
  if (at === -1 || to < 0 || to >= replies.length) return [...replies];
  const moved = [...replies];
  [moved[at], moved[to]] = [moved[to]!, moved[at]!];
  return moved;
}

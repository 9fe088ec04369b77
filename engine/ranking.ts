// Usage-based reply ranking: replies in the agent's language first, then the ones the agent picks most; pure and explainable.
import type { MergedReply } from './types.ts';

/** Uses per scope (scenario or stage id), then per reply id: ids and counts only, never text. */
export type ReplyUsageCounts = Record<string, Record<string, number>>;

/** 0: the UI language exactly (zh-TW), 1: the same language in another script or region (zh-CN), 2: another language. */
export type LanguageTier = 0 | 1 | 2;

export interface RankedReply<R extends MergedReply = MergedReply> {
  reply: R;
  /** How often the agent inserted this reply for this scope (shown as "used 12×"). */
  uses: number;
  languageTier: LanguageTier;
}

function primaryLanguage(locale: string): string {
  return locale.toLowerCase().split(/[-_]/u)[0] ?? '';
}

export function languageTier(replyLocale: string, uiLocale: string): LanguageTier {
  if (replyLocale.toLowerCase().replace('_', '-') === uiLocale.toLowerCase().replace('_', '-')) return 0;
  return primaryLanguage(replyLocale) === primaryLanguage(uiLocale) ? 1 : 2;
}

/**
 * Orders one scope's replies: language tier first (an agent answering in Chinese never wants English on top because
 * of one stray click), then uses (most first), then the packs' own order. A reply the packs carry in several languages
 * (one id, translations) is listed once, in the language closest to `uiLocale`.
 */
export function rankReplies<R extends MergedReply>(
  replies: readonly R[],
  uiLocale: string,
  usageOfScope: Readonly<Record<string, number>> = {},
): RankedReply<R>[] {
  const ranked = replies
    .map((reply, order) => ({
      reply,
      uses: usageOfScope[reply.id] ?? 0,
      languageTier: languageTier(reply.locale, uiLocale),
      order,
    }))
    .sort((a, b) => a.languageTier - b.languageTier || b.uses - a.uses || a.order - b.order);
  const listed = new Set<string>();
  const out: RankedReply<R>[] = [];
  for (const { reply, uses, languageTier: tier } of ranked) {
    if (listed.has(reply.id)) continue;
    listed.add(reply.id);
    out.push({ reply, uses, languageTier: tier });
  }
  return out;
}

/** The counts after one more use of a reply in a scope (a new object; the input is left as it was). */
export function recordReplyUse(usage: ReplyUsageCounts, scopeId: string, replyId: string): ReplyUsageCounts {
  const scope = usage[scopeId] ?? {};
  return { ...usage, [scopeId]: { ...scope, [replyId]: (scope[replyId] ?? 0) + 1 } };
}

/** Forgets the counts of one scope, or all of them when no scope is given. */
export function resetReplyUsage(usage: ReplyUsageCounts, scopeId?: string): ReplyUsageCounts {
  if (scopeId === undefined) return {};
  const rest = { ...usage };
  delete rest[scopeId];
  return rest;
}

function csvField(value: string | number): string {
  const text = String(value);
  // Quote when needed, and defuse leading formula characters so a spreadsheet shows the value instead of running it.
  const safe = /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/**
 * Usage as CSV (scope, reply id, uses, reply title), most used first per scope. Header names are given so they can be
 * translated; titles come from the packs (never conversation text) so a team lead can read the file.
 */
export function replyUsageToCsv(
  usage: ReplyUsageCounts,
  header: readonly [scope: string, reply: string, uses: string, title: string] = ['scope', 'reply', 'uses', 'title'],
  titleOf: (scopeId: string, replyId: string) => string | undefined = () => undefined,
): string {
  const rows: string[] = [header.map(csvField).join(',')];
  for (const scopeId of Object.keys(usage).sort()) {
    const entries = Object.entries(usage[scopeId] ?? {})
      .filter(([, uses]) => uses > 0)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    for (const [replyId, uses] of entries)
      rows.push([scopeId, replyId, uses, titleOf(scopeId, replyId) ?? ''].map(csvField).join(','));
  }
  // CRLF: what spreadsheet programs expect (RFC 4180).
  return rows.join('\r\n') + '\r\n';
}

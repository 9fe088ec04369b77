// Puts a reply into the reply box (the panel's insert and its keyboard shortcuts, a `;;` pick) and, when no way in works, on the clipboard so the agent can paste it.
import { insertText, replaceRange, type InsertOutcome } from '../composer/index.ts';
import { renderFields } from '../engine/index.ts';
import type { ComposerInfo } from '../sites/types.ts';
import { writeClipboard } from '../utils/clipboard.ts';
import type { ReplyInsertResult } from '../utils/messaging.ts';
import { selectFirstField } from './fields.ts';
import type { Tab } from './tab.ts';

/** Offsets in the draft's plain text that the reply replaces (a `;;` trigger and its query). */
interface DraftSpan {
  start: number;
  end: number;
}

/** What became of the attempt, as far as the agent is concerned (the composer's own outcome says more, for the log). */
type Attempt = { ok: true } | { ok: false; reason: Extract<InsertOutcome, { ok: false }>['reason']; message: string };

async function putIn(composer: ComposerInfo | null, text: string, span?: DraftSpan): Promise<Attempt> {
  if (!composer) return { ok: false, reason: 'no-composer', message: 'No composer on this page.' };
  try {
    return span
      ? await replaceRange(composer.element, composer.kind, span.start, span.end, text)
      : await insertText(composer.element, composer.kind, text);
  } catch (error) {
    console.error('[huashu] inserting the reply failed', error);
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The reply goes in with its fields as their defaults or as [[name]], the first selected for the agent to type over; the
 * draft is linted at once either way. When it did not go in, the same text goes on the clipboard, if the page has the
 * focus (a `;;` pick, a keyboard shortcut); otherwise whoever asked (the panel) copies it on its side.
 */
export async function deliverReply(
  tab: Tab,
  composer: ComposerInfo | null,
  text: string,
  span?: DraftSpan,
): Promise<ReplyInsertResult> {
  const reply = renderFields(text);
  const outcome = await putIn(composer, reply.text, span);
  if (outcome.ok && composer) await selectFirstField(composer, reply, span?.start);
  tab.store.get().draft?.lintNow();
  if (outcome.ok) return { ok: true };
  console.error(`[huashu] the reply did not go into the reply box: ${outcome.message}`);
  const copied = tab.doc.hasFocus() && (await writeClipboard(reply.text, tab.doc.defaultView?.navigator.clipboard));
  return { ok: false, reason: outcome.reason, message: outcome.message, reply: reply.text, copied };
}

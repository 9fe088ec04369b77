// What the agent is told when a reply did not go into the reply box: one decision for the panel's insert, its keyboard shortcuts and a `;;` pick.
import type { enReplyFallback } from '../locales/en.ts';
import type { ReplyInsertResult } from './messaging.ts';

type ReplyFallbackKey = keyof typeof enReplyFallback;
type ReplyFailure = Extract<ReplyInsertResult, { ok: false }>;

/** The text to show: why the reply is not in the box, and whether it waits on the clipboard or must be copied by hand. */
export function replyFallbackKey(failure: Pick<ReplyFailure, 'reason' | 'copied'>): ReplyFallbackKey {
  if (failure.reason === 'no-composer') return failure.copied ? 'noComposerCopied' : 'noComposerNotCopied';
  return failure.copied ? 'insertFailedCopied' : 'insertFailedNotCopied';
}

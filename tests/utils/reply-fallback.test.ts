// What the agent is told when a reply did not go into the reply box, for each reason and clipboard result.
import { describe, expect, it } from 'vitest';
import { en } from '../../locales/en.ts';
import { replyFallbackKey } from '../../utils/reply-fallback.ts';

describe('replyFallbackKey', () => {
  it('says whether the reply waits on the clipboard or must be copied by hand', () => {
    expect(replyFallbackKey({ reason: 'failed', copied: true })).toBe('insertFailedCopied');
    expect(replyFallbackKey({ reason: 'failed', copied: false })).toBe('insertFailedNotCopied');
    expect(replyFallbackKey({ reason: 'no-composer', copied: true })).toBe('noComposerCopied');
    expect(replyFallbackKey({ reason: 'no-composer', copied: false })).toBe('noComposerNotCopied');
    expect(en[replyFallbackKey({ reason: 'failed', copied: true })]).toContain('copied');
  });
});

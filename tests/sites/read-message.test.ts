// @vitest-environment happy-dom
// Each product adapter's readMessage reads an added item exactly as readMessages reads it in the whole list (same id, role, text).
import { describe, expect, it } from 'vitest';
import { chatwootAdapter } from '../../sites/chatwoot.ts';
import { crispAdapter } from '../../sites/crisp.ts';
import { freescoutAdapter } from '../../sites/freescout.ts';
import type { ChatMessage, SiteAdapter } from '../../sites/types.ts';
import { zammadAdapter } from '../../sites/zammad.ts';
import { zendeskAdapter } from '../../sites/zendesk.ts';
import { loadFixture } from './load-fixture.ts';

const CASES: [SiteAdapter, string, string][] = [
  [chatwootAdapter, 'chatwoot', '/app/accounts/1/conversations/42'],
  [chatwootAdapter, 'chatwoot-legacy', '/app/accounts/1/conversations/42'],
  [chatwootAdapter, 'chatwoot-note', '/app/accounts/1/conversations/42'],
  [crispAdapter, 'crisp', '/'],
  [crispAdapter, 'crisp-note', '/'],
  [freescoutAdapter, 'freescout', '/conversation/7'],
  [freescoutAdapter, 'freescout-note', '/conversation/7'],
  [zammadAdapter, 'zammad', '/#ticket/zoom/5'],
  [zammadAdapter, 'zammad-chat', '/#customer_chat'],
  [zammadAdapter, 'zammad-note', '/#ticket/zoom/5'],
  [zendeskAdapter, 'zendesk', '/agent/tickets/5121'],
  [zendeskAdapter, 'zendesk-note', '/agent/tickets/5121'],
];

describe.each(CASES)('%s readMessage on %s', (adapter, fixture, path) => {
  it('gives every message readMessages gives, and nothing else, from the item or any node inside it', () => {
    const doc = loadFixture(fixture, path);
    const list = adapter.findMessageList(doc);
    expect(list).not.toBeNull();
    const all = adapter.readMessages(list!);
    expect(all.length).toBeGreaterThan(1);
    const byId = new Map(all.map((message) => [message.id, message]));
    const found = new Map<string, ChatMessage>();
    for (const node of list!.querySelectorAll('*')) {
      const message = adapter.readMessage!(node, list!);
      if (!message) continue;
      // A node holding several messages (a day group) stands for its first; any other answer must match the full read.
      expect(byId.get(message.id)).toEqual(message);
      found.set(message.id, message);
    }
    expect([...found.keys()].sort()).toEqual([...byId.keys()].sort());
  });
});

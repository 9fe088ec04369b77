// @vitest-environment happy-dom
// The Zendesk adapter against Agent Workspace markup with two open ticket tabs.
import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '../../sites/zendesk.ts';
import { describeAdapter, readAll } from './describe-adapter.ts';
import { loadFixture } from './load-fixture.ts';

// Agent Workspace: the active ticket tab only, and its CKEditor 5 composer, internal when the channel is a note.
describeAdapter(zendeskAdapter, {
  notOn: 'freescout',
  path: '/agent/tickets/5121',
  roles: ['customer', 'agent', 'system', 'agent', 'note', 'customer'],
  moreOnMessages: (messages) => {
    expect(messages.some((message) => message.text.includes('cancel my subscription'))).toBe(false);
    expect(new Set(messages.map((message) => message.id)).size).toBe(messages.length);
    expect(messages[0]?.id).toBe('5121@2026-11-22T10:00:05Z');
  },
  body: {
    leavesOut: 'sender, via, time, read receipt, note tag or hidden duplicate',
    texts: {
      0: '我的账号被锁了，登录不了。',
      3: '您好，我来帮您解锁。\n请问注册邮箱是哪个？',
      4: 'Locked after 5 failed logins from a new IP, check for takeover first.',
    },
    latestCustomer: 'zhang.wei@example.com，快点，我急着用！',
  },
  composer: 'ckeditor5',
  composerElement: (element) =>
    expect(element.closest('[data-is-active]')?.getAttribute('data-is-active')).toBe('true'),
});

describe('zendesk adapter', () => {
  it('follows the tab switch: the other tab becomes the one read', () => {
    const doc = loadFixture('zendesk', '/agent/tickets/5120');
    const [first, second] = Array.from(doc.querySelectorAll('[data-test-id$="-standard-layout"]'));
    first!.setAttribute('data-is-active', 'true');
    second!.setAttribute('data-is-active', 'false');
    expect(readAll(zendeskAdapter, doc).map((message) => [message.role, message.text])).toEqual([
      ['customer', 'Please cancel my subscription.'],
    ]);
    expect(zendeskAdapter.conversationKey?.(doc)).toBe('5120');
    expect(zendeskAdapter.findComposer(doc)?.element.closest('[data-is-active]')).toBe(first);
  });

  it('reads the requester name and the ticket id (URL first, the active layout otherwise)', () => {
    const doc = loadFixture('zendesk', '/agent/tickets/5121');
    expect(zendeskAdapter.readCustomerName?.(doc)).toBe('张伟');
    expect(zendeskAdapter.conversationKey?.(doc)).toBe('5121');
    expect(zendeskAdapter.conversationKey?.(loadFixture('zendesk', '/agent/dashboard'))).toBe('5121');
  });
});

// @vitest-environment happy-dom
// The Zendesk adapter against Agent Workspace markup with two open ticket tabs.
import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '../../sites/zendesk.ts';
import { loadFixture } from './load-fixture.ts';

function readAll(doc: Document) {
  const list = zendeskAdapter.findMessageList(doc);
  expect(list).not.toBeNull();
  return zendeskAdapter.readMessages(list!);
}

describe('zendesk adapter', () => {
  it('recognises Agent Workspace by its DOM', () => {
    expect(zendeskAdapter.detect(loadFixture('zendesk'))).toBe(true);
    expect(zendeskAdapter.detect(loadFixture('freescout'))).toBe(false);
  });

  it('reads the active ticket tab only, oldest first, with roles', () => {
    const messages = readAll(loadFixture('zendesk', '/agent/tickets/5121'));
    expect(messages.map((message) => message.role)).toEqual([
      'customer',
      'agent',
      'system',
      'agent',
      'note',
      'customer',
    ]);
    expect(messages.some((message) => message.text.includes('cancel my subscription'))).toBe(false);
    expect(new Set(messages.map((message) => message.id)).size).toBe(messages.length);
    expect(messages[0]?.id).toBe('5121@2026-11-22T10:00:05Z');
  });

  it('follows the tab switch: the other tab becomes the one read', () => {
    const doc = loadFixture('zendesk', '/agent/tickets/5120');
    const [first, second] = Array.from(doc.querySelectorAll('[data-test-id$="-standard-layout"]'));
    first!.setAttribute('data-is-active', 'true');
    second!.setAttribute('data-is-active', 'false');
    expect(readAll(doc).map((message) => [message.role, message.text])).toEqual([
      ['customer', 'Please cancel my subscription.'],
    ]);
    expect(zendeskAdapter.conversationKey?.(doc)).toBe('5120');
    expect(zendeskAdapter.findComposer(doc)?.element.closest('[data-is-active]')).toBe(first);
  });

  it('keeps only the message: no sender, via, time, read receipt, note tag or hidden duplicate', () => {
    const messages = readAll(loadFixture('zendesk', '/agent/tickets/5121'));
    expect(messages[0]?.text).toBe('我的账号被锁了，登录不了。');
    expect(messages[3]?.text).toBe('您好，我来帮您解锁。\n请问注册邮箱是哪个？');
    expect(messages[4]?.text).toBe('Locked after 5 failed logins from a new IP, check for takeover first.');
    expect(messages.filter((message) => message.role === 'customer').at(-1)?.text).toBe(
      'zhang.wei@example.com，快点，我急着用！',
    );
  });

  it('finds the active tab CKEditor 5 composer and the internal-note mode', () => {
    const doc = loadFixture('zendesk');
    const composer = zendeskAdapter.findComposer(doc);
    expect(composer?.kind).toBe('ckeditor5');
    expect(composer?.element.closest('[data-is-active]')?.getAttribute('data-is-active')).toBe('true');
    expect(composer?.noteMode).toBe(false);
    expect(zendeskAdapter.findComposer(loadFixture('zendesk-note'))?.noteMode).toBe(true);
  });

  it('reads the requester name and the ticket id (URL first, the active layout otherwise)', () => {
    const doc = loadFixture('zendesk', '/agent/tickets/5121');
    expect(zendeskAdapter.readCustomerName?.(doc)).toBe('张伟');
    expect(zendeskAdapter.conversationKey?.(doc)).toBe('5121');
    expect(zendeskAdapter.conversationKey?.(loadFixture('zendesk', '/agent/dashboard'))).toBe('5121');
  });
});

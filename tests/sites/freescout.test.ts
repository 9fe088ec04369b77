// @vitest-environment happy-dom
// The FreeScout adapter against markup following FreeScout's conversation view and thread templates.
import { describe, expect, it } from 'vitest';
import { freescoutAdapter } from '../../sites/freescout.ts';
import { loadFixture } from './load-fixture.ts';

function readAll(doc: Document) {
  const list = freescoutAdapter.findMessageList(doc);
  expect(list).not.toBeNull();
  return freescoutAdapter.readMessages(list!);
}

describe('freescout adapter', () => {
  it('recognises the conversation view by its DOM (FreeScout is self-hosted)', () => {
    expect(freescoutAdapter.detect(loadFixture('freescout'))).toBe(true);
    expect(freescoutAdapter.detect(loadFixture('zammad'))).toBe(false);
  });

  it('turns the newest-first threads into oldest first, ids from data-thread_id or the element id', () => {
    const messages = readAll(loadFixture('freescout'));
    expect(messages.map((message) => [message.id, message.role])).toEqual([
      ['5302', 'customer'],
      ['5303', 'agent'],
      ['5304', 'note'],
      ['5305', 'system'],
      ['5306', 'customer'],
    ]);
  });

  it('orders by thread id, so a list already oldest first stays oldest first', () => {
    const doc = loadFixture('freescout');
    const main = doc.querySelector('#conv-layout-main')!;
    for (const thread of Array.from(main.children).reverse()) main.appendChild(thread);
    expect(readAll(doc).map((message) => message.id)).toEqual(['5302', '5303', '5304', '5305', '5306']);
  });

  it('keeps only the thread body: no person, date, status or attachment list', () => {
    const messages = readAll(loadFixture('freescout'));
    expect(messages[0]?.text).toBe('收到的杯子有裂痕，想退货，退货运费谁来出？');
    expect(messages[1]?.text).toBe('刘女士您好，\n非常抱歉给您带来不便，我们会尽快为您安排退货。');
    expect(messages[3]?.text).toBe('李明 assigned to 李明');
    expect(messages.filter((message) => message.role === 'customer').at(-1)?.text).toBe(
      'I still have not received the refund label. Can you email it again?',
    );
  });

  it('finds the Summernote editor, reply or note form, and none while the block is hidden', () => {
    const reply = freescoutAdapter.findComposer(loadFixture('freescout'));
    expect(reply?.kind).toBe('summernote');
    expect(reply?.element.classList.contains('note-editable')).toBe(true);
    expect(reply?.noteMode).toBe(false);
    expect(freescoutAdapter.findComposer(loadFixture('freescout-note'))?.noteMode).toBe(true);
    const doc = loadFixture('freescout');
    doc.querySelector('.conv-reply-block')!.classList.add('hidden');
    expect(freescoutAdapter.findComposer(doc)).toBeNull();
  });

  it('reads the customer from the sidebar and the conversation id from <body>', () => {
    const doc = loadFixture('freescout', '/conversation/1187?folder_id=4');
    expect(freescoutAdapter.readCustomerName?.(doc)).toBe('刘芳');
    expect(freescoutAdapter.conversationKey?.(doc)).toBe('1187');
  });
});

// @vitest-environment happy-dom
// The FreeScout adapter against markup following FreeScout's conversation view and thread templates.
import { describe, expect, it } from 'vitest';
import { freescoutAdapter } from '../../sites/freescout.ts';
import { describeAdapter, idsOf, readAll } from './describe-adapter.ts';
import { loadFixture } from './load-fixture.ts';

// Recognised by its DOM (FreeScout is self-hosted); the newest-first threads read oldest first, ids from
// data-thread_id or the element id; the Summernote editor in the reply or the note form, none while the block is hidden.
describeAdapter(freescoutAdapter, {
  notOn: 'zammad',
  roles: ['customer', 'agent', 'note', 'system', 'customer'],
  ids: ['5302', '5303', '5304', '5305', '5306'],
  body: {
    leavesOut: 'person, date, status or attachment list',
    texts: {
      0: '收到的杯子有裂痕，想退货，退货运费谁来出？',
      1: '刘女士您好，\n非常抱歉给您带来不便，我们会尽快为您安排退货。',
      3: '李明 assigned to 李明',
    },
    latestCustomer: 'I still have not received the refund label. Can you email it again?',
  },
  composer: 'summernote',
  composerElement: (element) => expect(element.classList.contains('note-editable')).toBe(true),
  moreOnComposer: () => {
    const doc = loadFixture('freescout');
    doc.querySelector('.conv-reply-block')!.classList.add('hidden');
    expect(freescoutAdapter.findComposer(doc)).toBeNull();
  },
});

describe('freescout adapter', () => {
  it('orders by thread id, so a list already oldest first stays oldest first', () => {
    const doc = loadFixture('freescout');
    const main = doc.querySelector('#conv-layout-main')!;
    for (const thread of Array.from(main.children).reverse()) main.appendChild(thread);
    expect(idsOf(readAll(freescoutAdapter, doc))).toEqual(['5302', '5303', '5304', '5305', '5306']);
  });

  it('reads the customer from the sidebar and the conversation id from <body>', () => {
    const doc = loadFixture('freescout', '/conversation/1187?folder_id=4');
    expect(freescoutAdapter.readCustomerName?.(doc)).toBe('刘芳');
    expect(freescoutAdapter.conversationKey?.(doc)).toBe('1187');
  });
});

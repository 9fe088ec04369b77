// @vitest-environment happy-dom
// The generic adapter on older chat dashboards: table layouts, "Visitor:"/"Operator:" prefixes, conversation blocks, 访客/客服 rows, Bootstrap panels.
// First sight, before the adapter learned them: 21 of 26 roles right (the prefixed page read every line as the customer's,
// the 访客/客服 page every row), 10 of 26 texts exact (names, times and prefixes left in, blocks read as one message),
// 3 of 5 composers (the 客户备注 textarea and a closed Bootstrap modal's textarea taken for the reply), 1 of 5 pages
// read right. After speaker prefixes, speaker spans, time-only lines, block lines and reply-field cues: 26/26, 26/26, 5/5.
import { describe, expect, it } from 'vitest';
import { createGenericAdapter } from '../../sites/generic.ts';
import type { MessageRole } from '../../sites/types.ts';
import { loadFixture } from './load-fixture.ts';

const generic = createGenericAdapter();

interface Expected {
  fixture: string;
  messages: [MessageRole, string][];
  /** Tells the composer apart (an id, a class or a name). */
  composer: string;
}

export const LEGACY: Expected[] = [
  {
    fixture: 'generic-legacy-php-table',
    messages: [
      ['system', 'Chat session #4407 started at 2026-11-22 10:12:03'],
      ['customer', "Hello, my package says delivered but it isn't here."],
      ['agent', 'Sorry to hear that. Can you give me the order number?'],
      ['customer', 'It is 55-10293.'],
      ['system', 'Tom pushed the page: /help/shipping'],
    ],
    composer: 'textarea[name="message"]',
  },
  {
    fixture: 'generic-legacy-visitor-operator',
    messages: [
      ['system', '*** Visitor entered the chat from https://shop.example.com/cart'],
      ['customer', 'hi, the coupon code SPRING10 is not accepted'],
      ['agent', 'Hello! Let me check that code for you.'],
      ['customer', 'it says expired but your email says valid until friday'],
      ['agent', 'You are right, I will apply the discount manually.'],
      ['customer', 'thanks, and can I still change the delivery address?'],
    ],
    composer: '#reply',
  },
  {
    fixture: 'generic-legacy-blocks',
    messages: [
      ['system', 'Peter Wu joined · 09:30'],
      ['customer', 'Hi there'],
      ['customer', 'My invoice shows the wrong company name'],
      ['agent', 'Hi Peter, I can fix that.'],
      ['agent', 'What should the company name be?'],
      ['customer', 'Wu Trading Ltd.'],
    ],
    composer: '.reply-text',
  },
  {
    fixture: 'generic-legacy-zh-kefu',
    messages: [
      ['system', '访客已进入对话 2026-11-22 15:20'],
      ['customer', '你好，我在你们店买的空调不制冷'],
      ['agent', '您好，请问是什么型号？安装多久了？'],
      ['customer', 'KFR-35GW，上周才装的'],
      ['agent', '好的，我帮您登记上门检修。'],
    ],
    composer: '#msgInput',
  },
  {
    fixture: 'generic-legacy-bootstrap',
    messages: [
      ['system', 'Jack Sparrow was assigned to you'],
      ['customer', 'I cannot log in since the password reset.'],
      ['agent', 'Did you get the reset email? Please check the spam folder too.'],
      ['customer', 'Yes, but the link says it expired.'],
    ],
    composer: '#btn-input',
  },
];

describe('generic adapter on older chat dashboards', () => {
  it.each(LEGACY)('$fixture: every message with its role and text, and the reply textarea', (expected) => {
    const doc = loadFixture(expected.fixture);
    const list = generic.findMessageList(doc);
    expect(list).not.toBeNull();
    expect(generic.readMessages(list!).map((message) => [message.role, message.text])).toEqual(expected.messages);
    const composer = generic.findComposer(doc);
    expect(composer?.element).toBe(doc.querySelector(expected.composer));
    expect(composer?.kind).toBe('textarea');
    expect(composer?.noteMode).toBe(false);
    expect(generic.detect(doc)).toBe(true);
  });

  it('reads a line added to the last conversation block as the full read does', () => {
    const doc = loadFixture('generic-legacy-blocks');
    const list = generic.findMessageList(doc)!;
    const block = list.lastElementChild!;
    block.insertAdjacentHTML('beforeend', '<p class="block-line">Registered in Hong Kong</p>');
    const all = generic.readMessages(list);
    expect(all.at(-1)).toMatchObject({ role: 'customer', text: 'Registered in Hong Kong' });
    expect(generic.readMessage?.(block.lastElementChild!, list)).toEqual(all.at(-1));
    expect(new Set(all.map((message) => message.id)).size).toBe(all.length);
  });
});

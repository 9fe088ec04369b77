// @vitest-environment happy-dom
// The Crisp adapter against inbox markup with day groups, visitor/operator bubbles and the Lexical composer.
import { describe, expect, it } from 'vitest';
import { crispAdapter } from '../../sites/crisp.ts';
import { loadFixture } from './load-fixture.ts';

const SESSION_PATH =
  '/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox/session_700c65e1-85e2-465a-b9ac-ecb5ec2c4a1d/';

function readAll(doc: Document) {
  const list = crispAdapter.findMessageList(doc);
  expect(list).not.toBeNull();
  return crispAdapter.readMessages(list!);
}

describe('crisp adapter', () => {
  it('recognises the inbox by its DOM', () => {
    expect(crispAdapter.detect(loadFixture('crisp'))).toBe(true);
    expect(crispAdapter.detect(loadFixture('zendesk'))).toBe(false);
  });

  it('reads visitor, operator, event and note rows oldest first', () => {
    const messages = readAll(loadFixture('crisp'));
    expect(messages.map((message) => [message.role, message.text])).toEqual([
      ['customer', 'Hello, is the blue jacket back in stock in size M?'],
      ['agent', 'Hi Sophie, it comes back next Tuesday.'],
      ['system', 'Conversation assigned to Léa'],
      ['note', '她上次退过货，注意语气。'],
      ['customer', '还没到货吗？我下周要出差。'],
    ]);
  });

  it('gives ids that survive re-rendering and differ per message', () => {
    const first = readAll(loadFixture('crisp')).map((message) => message.id);
    const again = readAll(loadFixture('crisp')).map((message) => message.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('finds the Lexical composer and the note mode', () => {
    const composer = crispAdapter.findComposer(loadFixture('crisp'));
    expect(composer?.kind).toBe('lexical');
    expect(composer?.element.getAttribute('contenteditable')).toBe('true');
    expect(composer?.noteMode).toBe(false);
    expect(crispAdapter.findComposer(loadFixture('crisp-note'))?.noteMode).toBe(true);
  });

  it('reads the visitor name from the profile and the session from the URL', () => {
    const doc = loadFixture('crisp', SESSION_PATH);
    expect(crispAdapter.readCustomerName?.(doc)).toBe('Sophie Martin');
    expect(crispAdapter.conversationKey?.(doc)).toBe('session_700c65e1-85e2-465a-b9ac-ecb5ec2c4a1d');
  });
});

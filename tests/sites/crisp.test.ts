// @vitest-environment happy-dom
// The Crisp adapter against inbox markup with day groups, visitor/operator bubbles and the Lexical composer.
import { describe, expect, it } from 'vitest';
import { crispAdapter } from '../../sites/crisp.ts';
import { describeAdapter, readAll } from './describe-adapter.ts';
import { loadFixture } from './load-fixture.ts';

const SESSION_PATH =
  '/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox/session_700c65e1-85e2-465a-b9ac-ecb5ec2c4a1d/';

// Visitor, operator, event and note rows, across the day groups.
describeAdapter(crispAdapter, {
  notOn: 'zendesk',
  roles: ['customer', 'agent', 'system', 'note', 'customer'],
  texts: [
    'Hello, is the blue jacket back in stock in size M?',
    'Hi Sophie, it comes back next Tuesday.',
    'Conversation assigned to Léa',
    '她上次退过货，注意语气。',
    '还没到货吗？我下周要出差。',
  ],
  composer: 'lexical',
  composerElement: (element) => expect(element.getAttribute('contenteditable')).toBe('true'),
});

describe('crisp adapter', () => {
  it('gives ids that survive re-rendering and differ per message', () => {
    const first = readAll(crispAdapter, loadFixture('crisp')).map((message) => message.id);
    const again = readAll(crispAdapter, loadFixture('crisp')).map((message) => message.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('reads the visitor name from the profile and the session from the URL', () => {
    const doc = loadFixture('crisp', SESSION_PATH);
    expect(crispAdapter.readCustomerName?.(doc)).toBe('Sophie Martin');
    expect(crispAdapter.conversationKey?.(doc)).toBe('session_700c65e1-85e2-465a-b9ac-ecb5ec2c4a1d');
  });
});

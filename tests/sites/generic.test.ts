// @vitest-environment happy-dom
// The generic adapter on chat UIs it has no adapter for: the list, roles, order, latest customer message and composer; the agent's picks.
import { describe, expect, it } from 'vitest';
import { createGenericAdapter } from '../../sites/generic.ts';
import { SITE_ADAPTERS, genericAdapter, pickAdapter } from '../../sites/registry.ts';
import { selectorFor } from '../../sites/selector.ts';
import type { ChatMessage, ComposerInfo, MessageRole } from '../../sites/types.ts';
import { readAll, rolesOf } from './describe-adapter.ts';
import { loadFixture } from './load-fixture.ts';

const generic = createGenericAdapter();

function readFixture(name: string): ChatMessage[] {
  return readAll(generic, loadFixture(name));
}

function latestCustomerText(messages: ChatMessage[]): string | undefined {
  return messages.filter((message) => message.role === 'customer').at(-1)?.text;
}

/** Per fixture: the kind of its composer and every message's role, oldest first. */
const COMPOSERS_AND_ROLES: Record<string, [ComposerInfo['kind'], MessageRole[]]> = {
  'generic-bubbles': ['textarea', ['customer', 'agent', 'customer', 'agent', 'customer']],
  'generic-roles': ['contenteditable', ['system', 'customer', 'agent', 'note', 'customer']],
  'generic-table': ['textarea', ['customer', 'agent', 'customer', 'system']],
  'generic-zh-inhouse': ['contenteditable', ['system', 'customer', 'agent', 'note', 'customer']],
  'generic-aria': ['quill', ['customer', 'agent', 'customer', 'note', 'agent']],
  'generic-newest-first': ['textarea', ['customer', 'agent', 'customer', 'agent']],
};

/** Per fixture: the text of its first message and of its latest customer message. */
const FIRST_AND_LATEST_CUSTOMER: Record<string, [first: string, latestCustomer: string]> = {
  'generic-bubbles': ['你好，我的订单还没发货', 'Can you hurry up please?'],
  'generic-roles': ['Conversation started from the pricing page', '退款要多久？'],
  'generic-table': ['My router keeps dropping the connection.', '重启了，还是红灯'],
  'generic-zh-inhouse': ['访客进入会话，来源：官网', '我要退货！太差了'],
  'generic-aria': ['Where is my parcel? It has been a week.', '包裹显示已签收但我没收到'],
  'generic-newest-first': ['My tablet will not turn on.', '屏幕还是黑的，怎么办？'],
};

const FIXTURES = Object.keys(COMPOSERS_AND_ROLES);

describe('generic adapter on chat UIs it has never seen', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture}: roles, order, latest customer message, composer`, () => {
      const [composerKind, roles] = COMPOSERS_AND_ROLES[fixture]!;
      const [first, latestCustomer] = FIRST_AND_LATEST_CUSTOMER[fixture]!;
      const messages = readFixture(fixture);
      expect(rolesOf(messages)).toEqual(roles);
      expect(messages[0]!.text).toBe(first);
      expect(latestCustomerText(messages)).toBe(latestCustomer);
      const composer = generic.findComposer(document);
      expect(composer?.kind).toBe(composerKind);
      expect(composer?.noteMode).toBe(false);
      expect(generic.detect(document)).toBe(true);
      // Ids are stable: a second read of the same list gives the same ids, all distinct.
      const again = generic.readMessages(generic.findMessageList(document)!);
      expect(again.map((message) => message.id)).toEqual(messages.map((message) => message.id));
      expect(new Set(messages.map((message) => message.id)).size).toBe(messages.length);
    });
  }

  it('keeps timestamps, names and labels out of the message text', () => {
    const texts = readFixture('generic-zh-inhouse').map((message) => message.text);
    expect(texts).toContain('我买的耳机有杂音');
    expect(texts.join('\n')).not.toMatch(/14:2|王小明|小李/);
    expect(
      readFixture('generic-newest-first')
        .map((message) => message.text)
        .join('\n'),
    ).not.toMatch(/Nov \d/);
  });

  it('uses the helpdesk ids when items carry them', () => {
    expect(readFixture('generic-newest-first').map((message) => message.id)).toEqual(['t1', 't2', 't3', 't4']);
    expect(readFixture('generic-roles').map((message) => message.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('prefers the agent picks over its guess, and ignores a pick that no longer parses', () => {
    const doc = loadFixture('generic-roles');
    const picked = createGenericAdapter({ messageListSelector: 'nav.sidebar ul', composerSelector: '.reply-area' });
    expect(picked.findMessageList(doc)?.matches('nav.sidebar ul')).toBe(true);
    // A picked wrapper resolves to the editable inside it.
    expect(picked.findComposer(doc)?.element.classList.contains('reply-input')).toBe(true);
    const broken = createGenericAdapter({ messageListSelector: 'ol[[', composerSelector: '' });
    expect(broken.findMessageList(doc)?.classList.contains('timeline')).toBe(true);
  });

  it('reports note mode when the composer sits in an internal-note form', () => {
    const doc = loadFixture('generic-bubbles');
    doc.querySelector('form.composer')!.classList.add('is-internal');
    expect(generic.findComposer(doc)?.noteMode).toBe(true);
  });

  it('finds nothing on a page without a conversation', () => {
    document.body.innerHTML = '<h1>Settings</h1><p>Nothing to chat about here.</p>';
    expect(generic.findMessageList(document)).toBeNull();
    expect(generic.findComposer(document)).toBeNull();
    expect(generic.detect(document)).toBe(false);
  });
});

describe('selectorFor', () => {
  it('builds a unique selector that finds the picked element again, without generated class names', () => {
    const doc = loadFixture('generic-zh-inhouse');
    const targets = [
      doc.querySelector('.msg-box')!,
      doc.querySelector('.edit-div')!,
      doc.querySelectorAll('.msg-item')[3]!,
    ];
    for (const target of targets) {
      const selector = selectorFor(target);
      expect(doc.querySelectorAll(selector)).toHaveLength(1);
      expect(doc.querySelector(selector)).toBe(target);
    }
    const box = doc.querySelector('.msg-box')!;
    box.classList.add('css-1q2w3e4');
    expect(selectorFor(box)).not.toContain('css-1q2w3e4');
    expect(doc.querySelector(selectorFor(box))).toBe(box);
  });

  it('uses a stable id and skips a generated one', () => {
    const doc = loadFixture('generic-newest-first');
    expect(selectorFor(doc.getElementById('reply')!)).toBe('#reply');
    const messages = doc.querySelector('.messages')!;
    messages.id = 'ember1234';
    expect(selectorFor(messages)).not.toContain('ember1234');
    expect(doc.querySelector(selectorFor(messages))).toBe(messages);
  });
});

describe('reading only the items the watcher saw added', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture}: each item read alone gives what the full read gives`, () => {
      const doc = loadFixture(fixture);
      const list = generic.findMessageList(doc)!;
      const full = generic.readMessages(list);
      const container = list.tagName === 'TABLE' ? (list as HTMLTableElement).tBodies[0]! : list;
      // Hand it a node inside the item, as a mutation record may.
      const alone = Array.from(container.children)
        .map((item) => generic.readMessage!(item.lastElementChild ?? item, list))
        .filter((message) => message !== null);
      expect([...alone].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [...full].sort((a, b) => a.id.localeCompare(b.id)),
      );
    });
  }

  it('a new message keeps the ids of the others (its cost in a long conversation: bench/hostile-input.bench.ts)', () => {
    const doc = loadFixture('generic-bubbles');
    const list = generic.findMessageList(doc)!;
    const before = generic.readMessages(list);
    const template = list.querySelector('.bubble-left')!;
    const addCustomerMessage = (text: string): Element => {
      const item = template.cloneNode(true) as Element;
      item.querySelector('p')!.textContent = text;
      list.append(item);
      return item;
    };
    const added = generic.readMessage!(addCustomerMessage('还在吗？'), list)!;
    expect(added).toMatchObject({ role: 'customer', text: '还在吗？' });
    const after = generic.readMessages(list);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toEqual(added);
    // Repeated short answers still get distinct ids.
    const repeats = [addCustomerMessage('好的'), addCustomerMessage('好的'), addCustomerMessage('好的')].map(
      (item) => generic.readMessage!(item, list)!.id,
    );
    expect(new Set(repeats).size).toBe(3);
  });
});

describe('generic adapter in the registry', () => {
  it('is exported apart and never picked on its own: the agent switches it on per host', () => {
    expect(genericAdapter.id).toBe('generic');
    expect(SITE_ADAPTERS).not.toContain(genericAdapter);
    const doc = loadFixture('generic-bubbles');
    expect(genericAdapter.detect(doc)).toBe(true);
    expect(pickAdapter(doc, 'https://chat.example.cn/console')).toBeNull();
  });
});

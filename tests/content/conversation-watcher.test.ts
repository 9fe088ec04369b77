// @vitest-environment happy-dom
// The conversation watcher on a small chat DOM: one read per mutation batch, each message reported once, list swaps and conversation switches followed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, MessageRole, SiteAdapter } from '../../sites/types.ts';
import {
  watchConversation,
  type ConversationSnapshot,
  type ConversationWatcher,
} from '../../content/conversation-watcher.ts';

/** A minimal adapter over `<ul id="messages" data-conversation>` with `<li data-id data-role>` items. */
function listAdapter(readSpy: (count: number) => void = () => undefined): SiteAdapter {
  return {
    id: 'fixture',
    name: 'Fixture',
    matches: [],
    detect: () => true,
    findMessageList: (doc) => doc.querySelector<HTMLElement>('#messages'),
    readMessages(list): ChatMessage[] {
      const items = [...list.querySelectorAll<HTMLElement>('li[data-id]')];
      readSpy(items.length);
      return items.map((li) => ({
        id: li.dataset.id!,
        role: li.dataset.role as MessageRole,
        text: li.textContent ?? '',
      }));
    },
    findComposer: () => null,
    conversationKey: (doc) => doc.querySelector<HTMLElement>('#messages')?.dataset.conversation,
  };
}

/** The same adapter with readMessage: appended items are read one by one, the list only when order or text changed. */
function itemAdapter(readSpy: (count: number) => void, itemSpy: (id: string) => void): SiteAdapter {
  return {
    ...listAdapter(readSpy),
    readMessage(node): ChatMessage | null {
      const li = node.closest<HTMLElement>('li[data-id]');
      if (!li) return null;
      itemSpy(li.dataset.id!);
      return { id: li.dataset.id!, role: li.dataset.role as MessageRole, text: li.textContent ?? '' };
    },
  };
}

function renderList(conversation: string, messages: [string, MessageRole, string][]): HTMLElement {
  const list = document.createElement('ul');
  list.id = 'messages';
  list.dataset.conversation = conversation;
  for (const [id, role, text] of messages) list.append(messageItem(id, role, text));
  return list;
}

function messageItem(id: string, role: MessageRole, text: string): HTMLElement {
  const li = document.createElement('li');
  li.dataset.id = id;
  li.dataset.role = role;
  li.textContent = text;
  return li;
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let watcher: ConversationWatcher | null = null;
afterEach(() => {
  watcher?.stop();
  watcher = null;
  document.body.replaceChildren();
});

function start(adapter: SiteAdapter): ConversationSnapshot[] {
  const snapshots: ConversationSnapshot[] = [];
  watcher = watchConversation({ adapter, doc: document, onSnapshot: (snapshot) => snapshots.push(snapshot) });
  return snapshots;
}

describe('watchConversation', () => {
  it('reads the conversation once at start, every message as new', async () => {
    document.body.append(
      renderList('c1', [
        ['1', 'customer', '你好'],
        ['2', 'agent', '您好'],
      ]),
    );
    const snapshots = start(listAdapter());
    await settle();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]!.conversationChanged).toBe(true);
    expect(snapshots[0]!.added.map((m) => m.id)).toEqual(['1', '2']);
  });

  it('reports an appended message once, and a burst of appends in one read', async () => {
    const list = renderList('c1', [['1', 'customer', '你好']]);
    document.body.append(list);
    const reads = vi.fn();
    const snapshots = start(listAdapter(reads));
    await settle();
    list.append(messageItem('2', 'customer', '我要退款'));
    await settle();
    expect(snapshots.at(-1)!.added.map((m) => m.id)).toEqual(['2']);
    expect(snapshots.at(-1)!.conversationChanged).toBe(false);

    const readsBefore = reads.mock.calls.length;
    list.append(
      messageItem('3', 'note', '内部备注'),
      messageItem('4', 'system', '已转接'),
      messageItem('5', 'customer', '还有呢'),
    );
    await settle();
    expect(reads.mock.calls.length - readsBefore).toBe(1);
    expect(snapshots.at(-1)!.added.map((m) => m.id)).toEqual(['3', '4', '5']);
  });

  it('ignores mutations outside the message list', async () => {
    document.body.append(renderList('c1', [['1', 'customer', '你好']]));
    const reads = vi.fn();
    const snapshots = start(listAdapter(reads));
    await settle();
    const readsBefore = reads.mock.calls.length;
    const sidebar = document.createElement('aside');
    document.body.append(sidebar);
    for (let i = 0; i < 20; i++) sidebar.append(document.createElement('div'));
    await settle();
    // Appending beside the list, batch after batch (toasts, tooltips): the ancestry observer wakes, the list is looked
    // up and found unchanged, and it is not read again.
    for (let i = 0; i < 20; i++) {
      document.body.append(document.createElement('div'));
      await settle();
    }
    expect(reads.mock.calls.length - readsBefore).toBe(0);
    expect(snapshots).toHaveLength(1);
  });

  it('reports an edited message text without calling it new', async () => {
    const list = renderList('c1', [['1', 'customer', '你好']]);
    document.body.append(list);
    const snapshots = start(listAdapter());
    await settle();
    list.querySelector('li')!.firstChild!.nodeValue = '我要退货';
    await settle();
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1]!.added).toEqual([]);
    expect(snapshots[1]!.messages[0]!.text).toBe('我要退货');
  });

  it('follows the list being replaced by another conversation and observes the new one', async () => {
    document.body.append(renderList('c1', [['1', 'customer', '你好']]));
    const snapshots = start(listAdapter());
    await settle();
    const next = renderList('c2', [['9', 'customer', '快递还没到']]);
    document.querySelector('#messages')!.replaceWith(next);
    await settle();
    expect(snapshots.at(-1)!.conversationChanged).toBe(true);
    expect(snapshots.at(-1)!.conversationKey).toBe('c2');
    expect(watcher!.list).toBe(next);
    next.append(messageItem('10', 'customer', '怎么办'));
    await settle();
    expect(snapshots.at(-1)!.added.map((m) => m.id)).toEqual(['10']);
  });

  it('waits for a message list that appears later', async () => {
    const snapshots = start(listAdapter());
    await settle();
    expect(snapshots).toHaveLength(0);
    const wrapper = document.createElement('main');
    wrapper.append(renderList('c3', [['1', 'customer', '在吗']]));
    document.body.append(wrapper);
    await settle();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]!.messages.map((m) => m.id)).toEqual(['1']);
  });

  it('a switch of conversation key alone starts a new conversation (same list element reused)', async () => {
    const list = renderList('c1', [['1', 'customer', '你好']]);
    document.body.append(list);
    const snapshots = start(listAdapter());
    await settle();
    list.dataset.conversation = 'c2';
    list.replaceChildren(messageItem('1', 'customer', '另一个会话'));
    await settle();
    expect(snapshots.at(-1)!.conversationChanged).toBe(true);
    // Same id in another conversation is new again.
    expect(snapshots.at(-1)!.added.map((m) => m.id)).toEqual(['1']);
  });

  it('survives an adapter that throws and reads nothing after stop', async () => {
    const list = renderList('c1', [['1', 'customer', '你好']]);
    document.body.append(list);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = false;
    const adapter = listAdapter(() => {
      if (fail) throw new Error('markup changed');
    });
    const snapshots = start(adapter);
    await settle();
    fail = true;
    list.append(messageItem('2', 'customer', '在吗'));
    await settle();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('[huashu]'), expect.any(Error));
    fail = false;
    watcher!.stop();
    list.append(messageItem('3', 'customer', '人呢'));
    await settle();
    expect(snapshots).toHaveLength(1);
    error.mockRestore();
  });

  it('reads appended messages through readMessage, without reading the list again', async () => {
    const list = renderList('c1', [
      ['1', 'customer', '你好'],
      ['2', 'agent', '您好'],
    ]);
    document.body.append(list);
    const reads = vi.fn();
    const items = vi.fn();
    const snapshots = start(itemAdapter(reads, items));
    await settle();
    expect(reads).toHaveBeenCalledTimes(1);
    list.append(messageItem('3', 'customer', '我要退款'), messageItem('4', 'customer', '快点'));
    await settle();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(items.mock.calls.map(([id]) => id)).toEqual(['3', '4']);
    expect(snapshots.at(-1)!.added.map((m) => m.id)).toEqual(['3', '4']);
    expect(snapshots.at(-1)!.messages.map((m) => m.id)).toEqual(['1', '2', '3', '4']);

    // A node added inside a known message that changes nothing is not a new message and not a snapshot.
    const count = snapshots.length;
    list.lastElementChild!.append(document.createElement('span'));
    await settle();
    expect(snapshots).toHaveLength(count);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('falls back to reading the list when an item is inserted above others, an item is removed or text changes', async () => {
    const list = renderList('c1', [['2', 'customer', '你好']]);
    document.body.append(list);
    const reads = vi.fn();
    const snapshots = start(itemAdapter(reads, () => undefined));
    await settle();
    list.prepend(messageItem('1', 'agent', '更早的消息'));
    await settle();
    expect(reads).toHaveBeenCalledTimes(2);
    expect(snapshots.at(-1)!.messages.map((m) => m.id)).toEqual(['1', '2']);
    expect(snapshots.at(-1)!.added.map((m) => m.id)).toEqual(['1']);

    list.firstElementChild!.remove();
    await settle();
    expect(reads).toHaveBeenCalledTimes(3);
    expect(snapshots.at(-1)!.messages.map((m) => m.id)).toEqual(['2']);

    list.lastElementChild!.firstChild!.nodeValue = '你好，在吗';
    await settle();
    expect(reads).toHaveBeenCalledTimes(4);
    expect(snapshots.at(-1)!.messages[0]!.text).toBe('你好，在吗');
  });
});

describe('watchConversation with an adapter that reads one message (readMessage)', () => {
  function itemAdapter(reads: (count: number) => void): SiteAdapter {
    const base = listAdapter(reads);
    return {
      ...base,
      readMessage(item) {
        const li = item.closest<HTMLElement>('li[data-id]');
        return li ? { id: li.dataset.id!, role: li.dataset.role as MessageRole, text: li.textContent ?? '' } : null;
      },
    };
  }

  it('reads an appended message alone, without reading the 5 000 before it', async () => {
    const history = Array.from(
      { length: 5_000 },
      (_, i) => [String(i), i % 2 ? 'agent' : 'customer', `第${i}条`] as [string, MessageRole, string],
    );
    const list = renderList('c1', history);
    document.body.append(list);
    const reads = vi.fn();
    const snapshots = start(itemAdapter(reads));
    await settle();
    expect(reads).toHaveBeenCalledTimes(1);
    list.append(messageItem('new', 'customer', '我要退款'));
    await settle();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(snapshots.at(-1)!.added.map((m) => m.id)).toEqual(['new']);
    expect(snapshots.at(-1)!.messages).toHaveLength(5_001);
    expect(snapshots.at(-1)!.messages.at(-1)!.text).toBe('我要退款');
  });

  it('falls back to a full read when a message is removed, inserted before the end, or filled in after it arrived', async () => {
    const list = renderList('c1', [
      ['1', 'customer', '你好'],
      ['2', 'agent', '您好'],
    ]);
    document.body.append(list);
    const reads = vi.fn();
    const snapshots = start(itemAdapter(reads));
    await settle();

    // A typing indicator coming and going is no message: no read at all.
    const typing = document.createElement('li');
    list.append(typing);
    await settle();
    typing.remove();
    await settle();
    expect(reads).toHaveBeenCalledTimes(1);

    list.firstElementChild!.remove();
    await settle();
    expect(reads).toHaveBeenCalledTimes(2);
    expect(snapshots.at(-1)!.messages.map((m) => m.id)).toEqual(['2']);

    list.prepend(messageItem('0', 'customer', '更早的消息'));
    await settle();
    expect(reads).toHaveBeenCalledTimes(3);
    expect(snapshots.at(-1)!.messages.map((m) => m.id)).toEqual(['0', '2']);

    const late = messageItem('3', 'customer', '');
    list.append(late);
    await settle();
    late.append(document.createTextNode('内容后到'));
    await settle();
    expect(snapshots.at(-1)!.messages.at(-1)).toEqual({ id: '3', role: 'customer', text: '内容后到' });
  });
});

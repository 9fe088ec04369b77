// The conversation checklist in the page: each reply read once, and replies read before the draft reader was ready read
// again in idle time, not all at once on the next message.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChecklistTurn, Engine } from '../../engine/index.ts';
import type { ChatMessage } from '../../sites/types.ts';
import { demoAdapter } from '../../sites/demo.ts';
import { startChecklist } from '../../content/checklist.ts';
import { createStore, initialTabModel } from '../../content/tab-store.ts';
import type { Tab } from '../../content/tab.ts';

/** An engine that counts what it is asked to read, with a reader that becomes ready when told. */
function countingEngine() {
  const counts = { withReader: 0, rulesOnly: 0, idle: [] as (() => void)[] };
  let ready = false;
  const engine = {
    merged: { checklist: { items: [{ id: 'greet' }] } },
    prepareLint: () => ready,
    detect: () => ({ scenarios: [] }),
    lint: () => {
      if (ready) counts.withReader++;
      else counts.rulesOnly++;
      return [];
    },
    checklistPhrasesIn: () => [],
    readChecklist: (turns: readonly ChecklistTurn[]) => ({
      score: 100,
      passScore: 80,
      passed: true,
      items: [],
      turns: turns.length,
    }),
  } as unknown as Engine;
  return { engine, counts, makeReady: () => (ready = true) };
}

function conversation(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, i) => ({ id: `m${i}`, role: 'agent', text: `回复 ${i}` }) as ChatMessage);
}

let stop: () => void = () => {};
afterEach(() => stop());

describe('the checklist in the page', () => {
  it('reads each reply once, and the replies read before the reader was ready again only in idle slices', () => {
    const { engine, counts, makeReady } = countingEngine();
    const idle: (() => void)[] = [];
    const ctx = { requestIdleCallback: (run: () => void) => idle.push(run), setInterval: vi.fn(() => 0) };
    const store = createStore(initialTabModel());
    const tab = { doc: document, ctx, store } as unknown as Tab;
    stop = startChecklist(tab);
    store.set({ adapter: demoAdapter, engine });
    const messages = conversation(300);
    store.set({ snapshot: { conversationKey: 'c1', messages, added: messages, conversationChanged: true } });
    expect(counts.rulesOnly).toBe(300);

    // The reader is ready; a new message arrives: it is read with the reader, the 300 before it are not read now.
    makeReady();
    const more = [...messages, { id: 'm300', role: 'agent', text: '新回复' } as ChatMessage];
    store.set({ snapshot: { conversationKey: 'c1', messages: more, added: [more[300]!], conversationChanged: false } });
    expect(counts.withReader).toBe(1);
    expect(idle.length).toBe(1);

    // Idle slices read them again, each once, and then never again.
    while (idle.length > 0) idle.shift()!();
    expect(counts.withReader).toBe(301);
    store.set({ snapshot: { conversationKey: 'c1', messages: more, added: [], conversationChanged: false } });
    expect(counts.withReader).toBe(301);
    expect(counts.rulesOnly).toBe(300);
  });
});

// The conversation checklist in the page: reads the open conversation's messages with the engine and tells the panel each item's state and the score, never the texts.
import { worstSeverity, type ChecklistTurn, type Engine } from '../engine/index.ts';
import type { ChatMessage } from '../sites/types.ts';
import type { ConversationSnapshot } from './conversation-watcher.ts';
import { duringSession, setView } from './tab-store.ts';
import type { Tab } from './tab.ts';

/** Reply times turn from open to missed while nobody types: the checklist is read again this often. */
const TIMING_REFRESH_MS = 5_000;
/** Each message's reading is kept by role and text; past this many (and twice the conversation), they are read afresh. */
const READING_CACHE_LIMIT = 2_000;
/** Replies read by the rules alone are read again, once the draft reader is ready, in idle slices of about this long. */
const REREAD_SLICE_MS = 8;

export function startChecklist(tab: Tab): () => void {
  const { store } = tab;
  /** When each message of this conversation appeared; messages on the page when reading began have none. */
  let seenAt = new Map<string, number>();
  let readingsFor: Engine | null = null;
  const readings = new Map<string, ChecklistTurn>();
  /**
   * The same, by message object: the conversation watcher keeps a message's object while the list only grows, so a
   * new message in a long conversation costs one lookup per earlier message, not a key built from its text.
   */
  let readingOfMessage = new WeakMap<ChatMessage, { readerReady: boolean; turn: ChecklistTurn }>();
  /**
   * Replies read by the rules alone before the reader was ready: their readings stand until idle slices read them again,
   * so the first message after the reader is ready does not wait for a whole long conversation to be read twice.
   */
  let stale = new Set<ChatMessage>();
  let rereadScheduled = false;

  function readTurn(engine: Engine, message: ChatMessage, readerReady: boolean, cacheLimit: number): ChecklistTurn {
    const key = `${message.role}\u0000${readerReady ? 'read' : ''}\u0000${message.text}`;
    let turn = readings.get(key);
    if (!turn) {
      if (readings.size >= cacheLimit) readings.clear();
      turn =
        message.role === 'customer'
          ? {
              role: 'customer',
              scenarios: engine.detect(message.text, { waitForEmotionReader: false }).scenarios.map((s) => s.id),
            }
          : {
              role: 'agent',
              // What the reply says, found once here: the reader would otherwise look again on every new message.
              says: engine.checklistPhrasesIn(message.text),
              worstSeverity: worstSeverity(engine.lint(message.text, { waitForReader: false })),
            };
      readings.set(key, turn);
    }
    return turn;
  }

  /** `readerReady`: an agent's message read before the draft reader was trained (the rules alone) is read again once it is. */
  function turnOf(
    engine: Engine,
    message: ChatMessage,
    readerReady: boolean,
    cacheLimit: number,
  ): ChecklistTurn | undefined {
    if (message.role !== 'customer' && message.role !== 'agent') return undefined;
    const ready = message.role === 'agent' && readerReady;
    const known = readingOfMessage.get(message);
    let turn: ChecklistTurn;
    if (known && known.readerReady === ready) turn = known.turn;
    else if (known && ready) {
      turn = known.turn;
      stale.add(message);
    } else {
      turn = readTurn(engine, message, ready, cacheLimit);
      readingOfMessage.set(message, { readerReady: ready, turn });
    }
    const at = seenAt.get(message.id);
    return at === undefined ? turn : { ...turn, seenAt: at };
  }

  function evaluate(): void {
    const { engine, snapshot } = store.get();
    if (!engine || !snapshot || engine.merged.checklist.items.length === 0) {
      setView(store, { checklist: null });
      return;
    }
    if (readingsFor !== engine) {
      readings.clear();
      readingOfMessage = new WeakMap();
      stale = new Set();
      readingsFor = engine;
    }
    try {
      // Room for every message of a long conversation (an agent's reply read with and without the reader), or each new
      // message would empty the cache and read the whole conversation again.
      const cacheLimit = Math.max(READING_CACHE_LIMIT, 2 * snapshot.messages.length + 1);
      const readerReady = engine.prepareLint(0);
      const turns = snapshot.messages.flatMap((message) => turnOf(engine, message, readerReady, cacheLimit) ?? []);
      const checklist = engine.readChecklist(turns, Date.now());
      // The 5 s refresh mostly finds nothing new: the panel is told only of a change.
      if (JSON.stringify(checklist) !== JSON.stringify(store.get().view.checklist)) setView(store, { checklist });
      if (stale.size > 0) scheduleReread(engine, cacheLimit);
    } catch (error) {
      console.error('[huashu] reading the conversation checklist failed', error);
    }
  }

  /** Reads the stale replies again with the reader, a slice at a time when the page is idle, then the checklist. */
  function scheduleReread(engine: Engine, cacheLimit: number): void {
    if (rereadScheduled) return;
    rereadScheduled = true;
    tab.ctx.requestIdleCallback(
      () => {
        rereadScheduled = false;
        if (readingsFor !== engine) return;
        const until = performance.now() + REREAD_SLICE_MS;
        for (const message of stale) {
          if (performance.now() >= until) break;
          stale.delete(message);
          readingOfMessage.set(message, { readerReady: true, turn: readTurn(engine, message, true, cacheLimit) });
        }
        if (stale.size > 0) scheduleReread(engine, cacheLimit);
        else evaluate();
      },
      { timeout: 1_000 },
    );
  }

  function noteArrivals(snapshot: ConversationSnapshot): void {
    if (snapshot.conversationChanged) seenAt = new Map();
    else for (const message of snapshot.added) if (!seenAt.has(message.id)) seenAt.set(message.id, Date.now());
  }

  return duringSession(store, () => {
    const unsubscribe = store.subscribe((next, previous) => {
      if (next.snapshot !== previous.snapshot && next.snapshot) noteArrivals(next.snapshot);
      if (next.snapshot !== previous.snapshot) evaluate();
      // A new engine (the tab's first, or new packs): the panel hears of its detection first, in this task; reading
      // every turn of the conversation again (and building the rules' automaton on the first lint) waits for the next.
      else if (next.engine !== previous.engine) tab.ctx.setTimeout(evaluate, 0);
    });
    const snapshot = store.get().snapshot;
    if (snapshot) noteArrivals(snapshot);
    evaluate();
    const timer = tab.ctx.setInterval(evaluate, TIMING_REFRESH_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
      seenAt = new Map();
      setView(store, { checklist: null });
    };
  });
}

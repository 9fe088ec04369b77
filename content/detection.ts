// Detection in the page: reads the conversation through the adapter, detects the latest customer message and keeps the ones no scenario fits for teaching.
import { createOrderNumberFinder, maskCustomerMessage, type Engine } from '../engine/index.ts';
import type { Detection } from '../engine/types.ts';
import type { SiteAdapter } from '../sites/types.ts';
import { recordUnmatched } from '../utils/teach.ts';
import { forgetComposerCaret } from '../composer/index.ts';
import { watchConversation, type ConversationSnapshot } from './conversation-watcher.ts';
import { detectLatestCustomer } from './latest-customer.ts';
import { trainWhenIdle } from './idle-training.ts';
import { takeIfCurrent, takePublishedReader } from './published-readers.ts';
import { emotionReaderItem } from '../utils/storage.ts';
import { duringSession, setView } from './tab-store.ts';
import { uiLocaleOf, type Tab } from './tab.ts';

const DETECTION_CACHE_LIMIT = 500;
// Texts of a long conversation: a cache smaller than the conversation would be emptied on every message.
const ORDER_NUMBER_CACHE_LIMIT = 20_000;

export function startDetection(tab: Tab): () => void {
  const { store, doc } = tab;
  const cache = new Map<string, Detection>();
  const findOrderNumber = createOrderNumberFinder(ORDER_NUMBER_CACHE_LIMIT);
  let cachedFor: Engine | null = null;
  let lastSnapshot: ConversationSnapshot | null = null;
  /** The last message kept as unmatched: every snapshot of the same conversation re-evaluates it. */
  let lastUnmatchedKey = '';

  function detectCached(engine: Engine, text: string): Detection {
    if (cachedFor !== engine) {
      cache.clear();
      cachedFor = engine;
      takeOrTrainEmotionReader(engine);
    }
    const cached = cache.get(text);
    if (cached) return cached;
    // The first detections do not wait for the emotion reader's training: the cue lists read emotion until it is ready.
    const detection = engine.detect(text, { waitForEmotionReader: false });
    if (cache.size >= DETECTION_CACHE_LIMIT) cache.clear();
    cache.set(text, detection);
    return detection;
  }

  /**
   * Takes the emotion reader the background published for the same packs, or else trains one; either way in idle slices
   * (a taken reader is read back), then reads the conversation again with it.
   */
  function takeOrTrainEmotionReader(engine: Engine): void {
    if (engine.prepareEmotion(0)) return;
    // Wanted while this engine is the tab's, the session runs (a snapshot is kept) and the script is current.
    const current = () => !tab.ctx.isInvalid && lastSnapshot !== null && store.get().engine === engine;
    const readAgain = (): void => {
      cache.clear();
      const { adapter } = store.get();
      if (current() && adapter) evaluate(adapter);
    };
    void takePublishedReader(emotionReaderItem, 'emotion reader', (reader) => engine.adoptEmotionReader(reader)).then(
      () => {
        if (current()) trainWhenIdle(doc, (budget) => engine.prepareEmotion(budget), current, readAgain);
      },
    );
  }

  function evaluate(adapter: SiteAdapter): void {
    const { engine } = store.get();
    if (!engine || !lastSnapshot) return;
    try {
      const latest = detectLatestCustomer(lastSnapshot.messages, (text) => detectCached(engine, text));
      let customerName: string | undefined;
      try {
        customerName = adapter.readCustomerName?.(doc);
      } catch (error) {
        console.error(`[huashu] the ${adapter.id} adapter failed to read the customer name`, error);
      }
      // Customers give the number and agents repeat it back: both say which order the conversation is about; notes do not.
      const orderNumber = findOrderNumber(
        lastSnapshot.messages.filter((m) => m.role === 'customer' || m.role === 'agent').map((m) => m.text),
      );
      setView(store, { latest: latest ? { ...latest, role: 'customer' } : null, customerName, orderNumber });
      // A follow-up borrows an earlier message's scenarios only because its own detection found none.
      if (latest && (latest.followUpOf !== undefined || latest.detection.scenarios.length === 0))
        keepUnmatched(latest.detection.text, customerName);
    } catch (error) {
      console.error('[huashu] detecting the latest customer message failed', error);
    }
  }

  /** Keeps a message detection found no scenario for, masked, so the agent can label it later on the options page. */
  function keepUnmatched(text: string, customerName: string | undefined): void {
    const masked = maskCustomerMessage(text, { customerName, fallbackLanguage: uiLocaleOf(tab) });
    if (masked === lastUnmatchedKey) return;
    lastUnmatchedKey = masked;
    recordUnmatched(masked).catch((error: unknown) =>
      console.error('[huashu] keeping the unmatched message failed', error),
    );
  }

  return duringSession(store, (adapter) => {
    const conversation = watchConversation({
      adapter,
      doc,
      onSnapshot(snapshot) {
        lastSnapshot = snapshot;
        store.set({ snapshot });
        evaluate(adapter);
        // Switching conversation may swap the composer (and its mode); a reused one must not insert at the old caret.
        const draft = store.get().draft;
        if (snapshot.conversationChanged && draft) {
          const previous = draft.composer;
          if (previous) forgetComposerCaret(previous.element, previous.kind);
          draft.refresh();
        }
      },
    });
    store.set({ conversation });
    // A reader the background publishes while this tab trains its own (a fresh install, new packs) replaces that training.
    const stopFollowingReader = emotionReaderItem.watch((published) => {
      const { engine } = store.get();
      if (engine && !engine.prepareEmotion(0)) takeIfCurrent(published, (reader) => engine.adoptEmotionReader(reader));
    });
    const unsubscribe = store.subscribe((next, previous) => {
      // New packs mean a new engine: detect the same conversation again.
      if (next.engine !== previous.engine) evaluate(adapter);
      // Where chats sit side by side (Zammad), the agent moves to another conversation by moving to its composer: the
      // adapter reads the conversation of the composer with focus, which no mutation of the message list announces.
      if (next.composer !== previous.composer) conversation.refresh();
    });
    return () => {
      unsubscribe();
      stopFollowingReader();
      conversation.stop();
      lastSnapshot = null;
      // The next session takes or trains its engine's reader again, should this one have stopped before it was ready.
      cachedFor = null;
      store.set({ conversation: null, snapshot: null });
    };
  });
}

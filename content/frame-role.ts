// Which frame of a tab answers the side panel: the one that reads a conversation, or the top page when no frame below it does.
import { pickAdapter } from '../sites/registry.ts';
import { backgroundToContent, contentToBackground } from '../utils/messaging.ts';
import type { Tab } from './tab.ts';

export function isTopFrame(win: Window = window): boolean {
  return win.top === win;
}

/**
 * The quick check a frame below the top page passes before Huashu starts in it: a helpdesk adapter knows its markup
 * (cskefu's workbench). Ads, empty frames and editor frames fail it and are left alone; the agent's picks and the
 * generic guess belong to the top page.
 */
export function frameHoldsConversation(doc: Document): boolean {
  return pickAdapter(doc, doc.location?.href ?? '') !== null;
}

function removesFrame(records: MutationRecord[]): boolean {
  return records.some((record) =>
    Array.from(record.removedNodes).some(
      (node) =>
        node.nodeType === 1 &&
        ((node as Element).matches('iframe, frame') || (node as Element).querySelector('iframe, frame') !== null),
    ),
  );
}

/** The top page: quiet while a frame below reads a conversation, checking on those frames when one is removed. */
function followAsTop(tab: Tab, settle: (answers: boolean) => void): () => void {
  const readingFrames = new Set<number>();
  let observer: MutationObserver | null = null;
  const update = (): void => {
    settle(readingFrames.size === 0);
    if (readingFrames.size > 0 && !observer) {
      observer = new MutationObserver((records) => {
        if (removesFrame(records)) void recheck();
      });
      observer.observe(tab.doc.documentElement, { childList: true, subtree: true });
    } else if (readingFrames.size === 0 && observer) {
      observer.disconnect();
      observer = null;
    }
  };
  async function recheck(): Promise<void> {
    try {
      const alive = new Set(await contentToBackground.sendMessage('liveFrames', { frameIds: [...readingFrames] }));
      for (const frameId of readingFrames) if (!alive.has(frameId)) readingFrames.delete(frameId);
      update();
    } catch (error) {
      console.error('[huashu] checking the frames that read a conversation failed', error);
    }
  }
  settle(true);
  const stop = backgroundToContent.onMessage('subframeSessionChanged', ({ data }) => {
    if (data.active) readingFrames.add(data.frameId);
    else readingFrames.delete(data.frameId);
    update();
  });
  // A frame that started reading before this script listened says so again.
  if (!tab.ctx.isInvalid) contentToBackground.sendMessage('topFrameReady', undefined).catch(() => undefined);
  return () => {
    stop();
    observer?.disconnect();
  };
}

/** A frame below the top page: answers while its adapter reads a conversation, and tells the top page through the background. */
function followAsFrame(tab: Tab, settle: (answers: boolean) => void): () => void {
  const { store, ctx } = tab;
  let reading = false;
  let stopAnsweringPing: (() => void) | null = null;
  const announce = (active: boolean): void => {
    if (ctx.isInvalid) return;
    contentToBackground.sendMessage('frameSessionChanged', { active }).catch(() => undefined);
  };
  const setReading = (next: boolean): void => {
    if (next === reading) return;
    reading = next;
    settle(next);
    if (next) stopAnsweringPing = backgroundToContent.onMessage('stillReading', () => true);
    else {
      stopAnsweringPing?.();
      stopAnsweringPing = null;
    }
    announce(next);
  };
  settle(false);
  const stopRepeating = backgroundToContent.onMessage('announceReading', () => {
    if (reading) announce(true);
  });
  const unsubscribe = store.subscribe((next) => setReading(next.adapter !== null));
  setReading(store.get().adapter !== null);
  // A frame navigating away hands the panel back to the top page (a removed frame is noticed there instead).
  ctx.addEventListener(window, 'pagehide', () => setReading(false));
  return () => {
    stopRepeating();
    unsubscribe();
    setReading(false);
  };
}

/**
 * Calls `onChange` with whether this frame answers the panel now, and again on every change. Every frame hears the
 * panel's messages and the first answer wins, so a top page with nothing to read keeps quiet while a frame reads one.
 */
export function followPanelRole(tab: Tab, onChange: (answers: boolean) => void): () => void {
  let answers: boolean | null = null;
  const settle = (next: boolean): void => {
    if (next === answers) return;
    answers = next;
    onChange(next);
  };
  return isTopFrame(tab.doc.defaultView ?? window) ? followAsTop(tab, settle) : followAsFrame(tab, settle);
}

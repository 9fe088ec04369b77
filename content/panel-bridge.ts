// The side panel's link to the tab (from the one frame that answers it): tells it every change of what it shows, and answers its requests (state, insert a reply, apply a fix, point at the chat area, the draft to keep as a reply).
import { readDraft } from '../composer/index.ts';
import { deliverReply } from './deliver-reply.ts';
import { contentToPanel, panelToContent, type InsertResult } from '../utils/messaging.ts';
import { sitePreferencesItem } from '../utils/storage.ts';
import { currentComposer } from './draft-lint.ts';
import { followPanelRole } from './frame-role.ts';
import { applyFix } from './inline-warnings.ts';
import { pageTexts } from './page-texts.ts';
import { runElementPicker } from './picker.ts';
import { uiLocaleOf, type Tab } from './tab.ts';

function isNoReceiverError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Receiving end does not exist|Could not establish connection|message port closed|No response/i.test(message);
}

function failed(error: unknown): InsertResult {
  return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
}

export function startPanelBridge(tab: Tab): () => void {
  const { store, ctx, doc } = tab;
  let changeQueued = false;
  /** Set while this frame answers the panel (frame-role.ts): the handlers it registered, to take them off again. */
  let answering: (() => void)[] | null = null;
  function tellPanel(): void {
    if (changeQueued) return;
    changeQueued = true;
    // A new message and its detection, or a burst of keystrokes in one frame, make one message to the panel.
    queueMicrotask(() => {
      changeQueued = false;
      if (ctx.isInvalid || !answering) return;
      contentToPanel.sendMessage('tabStateChanged', store.get().view).catch((error: unknown) => {
        // No panel open is the usual case, not an error.
        if (!isNoReceiverError(error)) console.error('[huashu] could not tell the panel about the new state', error);
      });
    });
  }
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.view !== previous.view && answering) tellPanel();
  });

  let picking = false;
  /** The agent points at the list and the reply box; saving the picks restarts the session on them (runtime.ts). */
  async function pickChatArea(): Promise<void> {
    if (picking) return;
    picking = true;
    try {
      const result = await runElementPicker(doc, tab.host, pageTexts(uiLocaleOf(tab)).picker);
      if (!result) return;
      const prefs = await sitePreferencesItem.getValue();
      await sitePreferencesItem.setValue({
        ...prefs,
        [location.host]: { ...prefs[location.host], enabled: true, ...result },
      });
    } catch (error) {
      console.error('[huashu] the element picker failed', error);
    } finally {
      picking = false;
    }
  }

  const answerPanel = (): (() => void)[] => [
    panelToContent.onMessage('getTabState', () => {
      const { adapter, draft } = store.get();
      if (adapter && draft) draft.refresh();
      return store.get().view;
    }),
    panelToContent.onMessage('insertReply', ({ data }) => deliverReply(tab, currentComposer(tab), data.text)),
    panelToContent.onMessage('applyFinding', async ({ data }): Promise<InsertResult> => {
      try {
        return await applyFix(tab, data.start, data.end, data.replacement);
      } catch (error) {
        console.error('[huashu] applying the fix failed', error);
        return failed(error);
      }
    }),
    // The element picker belongs to the generic adapter; the adapters here know their markup.
    // Answers at once (the picking takes as long as the agent needs); the result arrives as a site preference.
    panelToContent.onMessage('startPicker', () => {
      void pickChatArea();
      return { ok: true };
    }),
    panelToContent.onMessage('getDraft', () => {
      const composer = currentComposer(tab);
      return composer ? { text: readDraft(composer.element, composer.kind) } : null;
    }),
  ];
  const stopAnswering = (): void => {
    for (const stop of answering?.splice(0) ?? []) stop();
    answering = null;
  };
  const stopRole = followPanelRole(tab, (answers) => {
    if (answers === (answering !== null)) return;
    if (!answers) return stopAnswering();
    answering = answerPanel();
    // An open panel was following another frame (or none): it gets this frame's state at once.
    tellPanel();
  });
  return () => {
    stopRole();
    unsubscribe();
    stopAnswering();
  };
}

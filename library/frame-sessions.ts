// Tells a tab's top page when a frame below it reads a conversation, so that only that frame answers the side panel.
import { backgroundToContent, contentToBackground } from '../utils/messaging.ts';

/**
 * Content scripts cannot message each other across frames; the background passes the word on to frame 0. It keeps
 * nothing: the top page holds the set of frames that read a conversation for as long as it lives.
 */
export function startFrameSessionRelay(): void {
  contentToBackground.onMessage('frameSessionChanged', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    if (tabId === undefined || !frameId) return;
    // No content script in the top page (a site not turned on there) is fine: the frame answers on its own.
    backgroundToContent
      .sendMessage('subframeSessionChanged', { frameId, active: data.active === true }, { tabId, frameId: 0 })
      .catch(() => undefined);
  });
  // A frame may have said it reads before the top page's script listened (an update, a script injected late): when
  // the top page starts, every frame of the tab hears that it should say so again.
  contentToBackground.onMessage('topFrameReady', ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;
    backgroundToContent.sendMessage('announceReading', undefined, tabId).catch(() => undefined);
  });
  // A frame removed from the page dies without a word: the top page asks which of its reading frames still answer.
  contentToBackground.onMessage('liveFrames', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return [];
    const alive = await Promise.all(
      data.frameIds.map((frameId) =>
        backgroundToContent
          .sendMessage('stillReading', undefined, { tabId, frameId })
          .then((reading) => reading === true)
          .catch(() => false),
      ),
    );
    return data.frameIds.filter((_, index) => alive[index]);
  });
}

// Content script: starts the runtime that reads the helpdesk's conversation and composer (content/runtime.ts), in the top page and in a frame that holds a conversation.
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hostMatchPatterns } from '../../sites/registry.ts';
import { startContentRuntime } from '../../content/runtime.ts';
import { frameHoldsConversation, isTopFrame } from '../../content/frame-role.ts';

function start(ctx: ContentScriptContext): void {
  try {
    startContentRuntime(ctx);
  } catch (error) {
    console.error('[huashu] the content script could not start', error);
  }
}

export default defineContentScript({
  // Local pages (the demo helpdesk, self-hosted trials) plus every hosted helpdesk an adapter knows.
  matches: [...new Set(['http://localhost/*', 'http://127.0.0.1/*', ...hostMatchPatterns()])],
  runAt: 'document_idle',
  // Some helpdesks show the conversation in a frame (cskefu's workbench). KindEditor's own about:blank frame needs no
  // script: the workbench frame reaches into it, so matchAboutBlank stays off.
  allFrames: true,
  main(ctx: ContentScriptContext) {
    if (isTopFrame()) return start(ctx);
    // Other frames (ads, widgets, editors) get one quick look now and one when the frame has loaded, and nothing more.
    if (frameHoldsConversation(document)) return start(ctx);
    if (document.readyState === 'complete') return;
    ctx.addEventListener(
      window,
      'load',
      () => {
        if (frameHoldsConversation(document)) start(ctx);
      },
      { once: true },
    );
  },
});

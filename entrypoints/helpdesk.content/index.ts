// Content script: starts the runtime that reads the helpdesk's conversation and composer (content/runtime.ts).
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hostMatchPatterns } from '../../sites/registry.ts';
import { startContentRuntime } from '../../content/runtime.ts';

export default defineContentScript({
  // Local pages (the demo helpdesk, self-hosted trials) plus every hosted helpdesk an adapter knows.
  matches: [...new Set(['http://localhost/*', 'http://127.0.0.1/*', ...hostMatchPatterns()])],
  runAt: 'document_idle',
  main(ctx: ContentScriptContext) {
    try {
      startContentRuntime(ctx);
    } catch (error) {
      console.error('[huashu] the content script could not start', error);
    }
  },
});

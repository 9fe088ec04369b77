// Main-world helper injected by the content script: writes into editors whose API lives in the page's own world (CKEditor 5).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageBridge } from '../utils/composer/page-bridge-runtime.ts';
import { BRIDGE_CHANNEL_DATASET_KEY } from '../utils/composer/bridge-protocol.ts';

export default defineUnlistedScript(() => {
  // The channel comes from the <script> element the content script created; without it there is no one to answer.
  const channel = (document.currentScript as HTMLScriptElement | null)?.dataset[BRIDGE_CHANNEL_DATASET_KEY];
  if (channel && /^[A-Za-z0-9_-]{8,64}$/.test(channel)) startPageBridge(channel);
});

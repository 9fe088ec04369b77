// Main-world helper injected by the content script: writes into editors whose API lives in the page's own world (CKEditor 5).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerPageBridge } from '../composer/page-bridge-runtime.ts';

export default defineUnlistedScript(() => {
  // The content script listens on the <script> element it created, and takes the channel only while that script runs.
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement) offerPageBridge(script);
});

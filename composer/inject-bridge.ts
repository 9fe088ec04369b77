// Injects the page bridge into the helpdesk's main world once per content-script session and connects the shared client to it.
import { injectScript } from 'wxt/utils/inject-script';
import { pageBridgeClient } from './bridge-client.ts';

let injection: Promise<void> | null = null;

/** Call once from the content script; insertion works without it everywhere except CKEditor 5, which then gets a paste. */
export function injectPageBridge(): Promise<void> {
  injection ??= injectScript('/page-bridge.js', {
    // Nothing is written on the element: the bridge hands over its channel through an event on it while it runs.
    modifyScript: (script) => pageBridgeClient().listenForBridge(script),
  }).then(() => undefined);
  return injection;
}

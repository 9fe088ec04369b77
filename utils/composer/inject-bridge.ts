// Injects the page bridge into the helpdesk's main world once per content-script session, on the shared client's channel.
import { injectScript } from 'wxt/utils/inject-script';
import { BRIDGE_CHANNEL_DATASET_KEY } from './bridge-protocol.ts';
import { pageBridgeClient } from './bridge-client.ts';

let injection: Promise<void> | null = null;

/** Call once from the content script; insertion works without it everywhere except CKEditor 5, which then gets a paste. */
export function injectPageBridge(): Promise<void> {
  injection ??= injectScript('/page-bridge.js', {
    modifyScript(script) {
      script.dataset[BRIDGE_CHANNEL_DATASET_KEY] = pageBridgeClient().channel;
    },
  }).then(() => undefined);
  return injection;
}

// The content script's side of the page bridge: asks the main-world helper to write into editors whose API only the page can see.
import { composerErrors } from './errors.ts';
import {
  BRIDGE_TAG,
  BRIDGE_TARGET_ATTRIBUTE,
  parseBridgeResponse,
  randomToken,
  type BridgeRequest,
  type BridgeSpan,
} from './bridge-protocol.ts';

export type BridgeAnswer = { ok: true } | { ok: false; message: string };

export interface PageBridgeClient {
  /** The per-session channel id the injected bridge must be given (see injectPageBridge). */
  readonly channel: string;
  /** True once the bridge has answered a ping. */
  isAvailable(): Promise<boolean>;
  /** Inserts text into the CKEditor 5 instance behind `editable`, over `span` of the draft or at its selection. */
  insertIntoCkeditor(editable: HTMLElement, text: string, span: BridgeSpan | null): Promise<BridgeAnswer>;
}

const PING_TIMEOUT_MS = 400;
const INSERT_TIMEOUT_MS = 2_000;

type BridgeRequestBody =
  | { op: 'ping' }
  | { op: 'ckeditor5-insert'; target: string; text: string; span: BridgeSpan | null };

export function createPageBridgeClient(win: Window = window, channel: string = randomToken()): PageBridgeClient {
  let answeredPing = false;

  const request = (body: BridgeRequestBody, timeoutMs: number) =>
    new Promise<{ ok: boolean; error?: string; detail?: string } | null>((resolve) => {
      const requestId = randomToken();
      const timer = setTimeout(() => finish(null), timeoutMs);
      function finish(answer: { ok: boolean; error?: string; detail?: string } | null) {
        clearTimeout(timer);
        win.removeEventListener('message', onMessage);
        resolve(answer);
      }
      function onMessage(event: MessageEvent) {
        if (event.source !== win) return;
        const response = parseBridgeResponse(event.data, channel, requestId);
        if (response) finish(response);
      }
      win.addEventListener('message', onMessage);
      const message = { tag: BRIDGE_TAG, channel, direction: 'request', requestId, ...body } as BridgeRequest;
      win.postMessage(message, '*');
    });

  const isAvailable = async () => {
    if (!answeredPing) answeredPing = (await request({ op: 'ping' }, PING_TIMEOUT_MS))?.ok === true;
    return answeredPing;
  };

  return {
    channel,
    isAvailable,
    async insertIntoCkeditor(editable, text, span) {
      if (!(await isAvailable())) return { ok: false, message: composerErrors.bridgeUnavailable() };
      const target = randomToken();
      editable.setAttribute(BRIDGE_TARGET_ATTRIBUTE, target);
      try {
        const answer = await request({ op: 'ckeditor5-insert', target, text, span }, INSERT_TIMEOUT_MS);
        if (!answer) return { ok: false, message: composerErrors.bridgeTimeout(INSERT_TIMEOUT_MS) };
        if (answer.ok) return { ok: true };
        if (answer.error === 'no-editor') return { ok: false, message: composerErrors.bridgeNoEditor() };
        return { ok: false, message: composerErrors.bridgeFailed(answer.detail ?? 'unknown') };
      } finally {
        editable.removeAttribute(BRIDGE_TARGET_ATTRIBUTE);
      }
    },
  };
}

let sharedClient: PageBridgeClient | null = null;

/** The one bridge client of this content-script session (its channel is given to the injected bridge). */
export function pageBridgeClient(): PageBridgeClient {
  sharedClient ??= createPageBridgeClient();
  return sharedClient;
}

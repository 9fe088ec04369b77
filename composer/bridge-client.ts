// The content script's side of the page bridge: asks the main-world helper, on a private channel, to write into editors whose API only the page can see.
import { composerError, type ComposerError } from './errors.ts';
import {
  BRIDGE_PORT_EVENT,
  BRIDGE_TAG,
  BRIDGE_TARGET_ATTRIBUTE,
  parseBridgeResponse,
  randomToken,
  type BridgeRequest,
  type BridgeSpan,
} from './bridge-protocol.ts';

type BridgeAnswer = { ok: true } | { ok: false; error: ComposerError };

export interface PageBridgeClient {
  /**
   * Listens on the bridge's <script> element, before it is added to the page, for the channel the bridge offers while
   * that script runs (see injectPageBridge). Any other offer — from the page, earlier or later — is ignored.
   */
  listenForBridge(script: HTMLScriptElement): void;
  /** True once the bridge's channel arrived and the bridge answered a ping on it. */
  isAvailable(): Promise<boolean>;
  /** Inserts text into the CKEditor 5 instance behind `editable`, over `span` of the draft or at its selection. */
  insertIntoCkeditor(editable: HTMLElement, text: string, span: BridgeSpan | null): Promise<BridgeAnswer>;
}

const PING_TIMEOUT_MS = 400;
const INSERT_TIMEOUT_MS = 2_000;

type BridgeRequestBody =
  { op: 'ping' } | { op: 'ckeditor5-insert'; target: string; text: string; span: BridgeSpan | null };
type RawAnswer = { ok: boolean; error?: string; detail?: string };

export function createPageBridgeClient(doc: Document = document): PageBridgeClient {
  let port: MessagePort | null = null;
  let portArrived: () => void = () => undefined;
  const portReady = new Promise<void>((resolve) => (portArrived = resolve));
  const pending = new Map<string, (answer: RawAnswer) => void>();
  let answeredPing = false;

  const onPortMessage = (event: MessageEvent) => {
    // The page may hold this end too (it can catch the offer) and dispatch made-up events on it; those are never trusted.
    if (!event.isTrusted) return;
    const data = event.data as { requestId?: unknown } | null;
    const requestId = typeof data?.requestId === 'string' ? data.requestId : '';
    const resolve = pending.get(requestId);
    const response = resolve ? parseBridgeResponse(event.data, requestId) : null;
    if (resolve && response) resolve(response);
  };

  const within = <T>(promise: Promise<T>, timeoutMs: number): Promise<T | null> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      void promise.then((value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });

  const request = async (body: BridgeRequestBody, timeoutMs: number): Promise<RawAnswer | null> => {
    if (!port) return null;
    const requestId = randomToken();
    const answered = new Promise<RawAnswer>((resolve) => pending.set(requestId, resolve));
    port.postMessage({ tag: BRIDGE_TAG, direction: 'request', requestId, ...body } as BridgeRequest);
    try {
      return await within(answered, timeoutMs);
    } finally {
      pending.delete(requestId);
    }
  };

  const isAvailable = async () => {
    if (answeredPing) return true;
    await within(portReady, PING_TIMEOUT_MS);
    answeredPing = (await request({ op: 'ping' }, PING_TIMEOUT_MS))?.ok === true;
    return answeredPing;
  };

  return {
    listenForBridge(script) {
      const onOffer = (event: Event) => {
        // Only the bridge's own code runs while its script is the current one; an offer at any other moment is the page's.
        if (port || doc.currentScript !== script) return;
        const offered = (event as MessageEvent).ports?.[0];
        if (!offered) return;
        port = offered;
        script.removeEventListener(BRIDGE_PORT_EVENT, onOffer);
        port.addEventListener('message', onPortMessage);
        port.start();
        portArrived();
      };
      script.addEventListener(BRIDGE_PORT_EVENT, onOffer);
    },
    isAvailable,
    async insertIntoCkeditor(editable, text, span) {
      if (!(await isAvailable())) return { ok: false, error: composerError('bridgeUnavailable') };
      const target = randomToken();
      editable.setAttribute(BRIDGE_TARGET_ATTRIBUTE, target);
      try {
        const answer = await request({ op: 'ckeditor5-insert', target, text, span }, INSERT_TIMEOUT_MS);
        if (!answer) return { ok: false, error: composerError('bridgeTimeout', { ms: INSERT_TIMEOUT_MS }) };
        if (answer.ok) return { ok: true };
        if (answer.error === 'no-editor') return { ok: false, error: composerError('bridgeNoEditor') };
        return { ok: false, error: composerError('bridgeFailed', { detail: answer.detail ?? 'unknown' }) };
      } finally {
        editable.removeAttribute(BRIDGE_TARGET_ATTRIBUTE);
      }
    },
  };
}

let sharedClient: PageBridgeClient | null = null;

/** The one bridge client of this content-script session (injectPageBridge connects it to the injected bridge). */
export function pageBridgeClient(): PageBridgeClient {
  sharedClient ??= createPageBridgeClient();
  return sharedClient;
}

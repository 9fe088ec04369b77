// Runs in the page's own world: answers the content script's validated requests, on a private channel, by writing through the editor's API (CKEditor 5).
import { domRangeForOffsets, mapDraftText, type DomPoint } from './draft-text.ts';
import {
  BRIDGE_PORT_EVENT,
  BRIDGE_TAG,
  BRIDGE_TARGET_ATTRIBUTE,
  parseBridgeRequest,
  type BridgeRequest,
  type BridgeResponse,
  type BridgeSpan,
} from './bridge-protocol.ts';

/** The slice of the CKEditor 5 API the bridge uses (the page's editor, so no import of ckeditor5 here). */
interface CkModelWriter {
  createDocumentFragment(): unknown;
  createElement(name: string): unknown;
  createText(data: string, attributes?: Iterable<[string, unknown]>): unknown;
  append(item: unknown, parent: unknown): void;
  setSelection(selectable: unknown): void;
}
interface CkEditor {
  isReadOnly: boolean;
  model: {
    document: { selection: { getAttributes(): Iterable<[string, unknown]> } };
    schema: { checkChild(context: unknown, child: string): boolean };
    change<T>(callback: (writer: CkModelWriter) => T): T;
    insertContent(content: unknown, selectable?: unknown): { end: unknown };
    createRange(start: unknown, end: unknown): unknown;
  };
  editing: {
    view: { focus(): void; domConverter: { domPositionToView(node: Node, offset: number): unknown } };
    mapper: { toModelPosition(viewPosition: unknown): unknown };
  };
}

function findCkeditor(target: HTMLElement): CkEditor | null {
  const editable = (target.closest('.ck-editor__editable') ?? target) as HTMLElement & { ckeditorInstance?: unknown };
  const candidate = editable.ckeditorInstance as Partial<CkEditor> | undefined;
  return candidate && typeof candidate.model?.change === 'function' ? (candidate as CkEditor) : null;
}

function modelPositionFor(editor: CkEditor, point: DomPoint): unknown {
  const viewPosition = editor.editing.view.domConverter.domPositionToView(point.node, point.offset);
  if (!viewPosition) throw new Error('no view position for the requested span');
  return editor.editing.mapper.toModelPosition(viewPosition);
}

/** Writes text as the editor's paragraphs in one model change, so one Ctrl+Z takes it back. */
function insertIntoCkeditor(editor: CkEditor, editable: HTMLElement, text: string, span: BridgeSpan | null): void {
  let modelRange: unknown = null;
  if (span) {
    const map = mapDraftText(editable);
    if (span.end > map.text.length) throw new Error('span outside the draft');
    const dom = domRangeForOffsets(map, span.start, span.end);
    modelRange = editor.model.createRange(modelPositionFor(editor, dom.start), modelPositionFor(editor, dom.end));
  }
  const lines = text.split('\n');
  editor.model.change((writer) => {
    const attributes = Array.from(editor.model.document.selection.getAttributes());
    let content: unknown;
    if (lines.length === 1 || !editor.model.schema.checkChild('$root', 'paragraph')) {
      content = writer.createText(lines.join(' '), attributes);
    } else {
      content = writer.createDocumentFragment();
      for (const line of lines) {
        const paragraph = writer.createElement('paragraph');
        if (line !== '') writer.append(writer.createText(line, attributes), paragraph);
        writer.append(paragraph, content);
      }
    }
    const inserted = modelRange ? editor.model.insertContent(content, modelRange) : editor.model.insertContent(content);
    writer.setSelection(inserted.end);
  });
  editor.editing.view.focus();
}

function answer(
  port: MessagePort,
  request: BridgeRequest,
  result: Pick<BridgeResponse, 'ok' | 'error' | 'detail'>,
): void {
  const response: BridgeResponse = { tag: BRIDGE_TAG, direction: 'response', requestId: request.requestId, ...result };
  port.postMessage(response);
}

/** Answers the requests that arrive on `port` (the bridge's own end of the channel); returns a function that stops it. Exposes nothing on window. */
export function startPageBridge(port: MessagePort, doc: Document = document): () => void {
  const onMessage = (event: MessageEvent) => {
    const request = parseBridgeRequest(event.data);
    if (!request) return;
    if (request.op === 'ping') {
      answer(port, request, { ok: true });
      return;
    }
    const editable = doc.querySelector<HTMLElement>(`[${BRIDGE_TARGET_ATTRIBUTE}="${request.target}"]`);
    const editor = editable ? findCkeditor(editable) : null;
    if (!editable || !editor) {
      answer(port, request, { ok: false, error: 'no-editor' });
      return;
    }
    if (editor.isReadOnly) {
      answer(port, request, { ok: false, error: 'failed', detail: 'read-only' });
      return;
    }
    try {
      insertIntoCkeditor(editor, editable, request.text, request.span);
      answer(port, request, { ok: true });
    } catch (error) {
      answer(port, request, {
        ok: false,
        error: 'failed',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  };
  port.addEventListener('message', onMessage);
  port.start();
  return () => {
    port.removeEventListener('message', onMessage);
    port.close();
  };
}

/**
 * Opens a fresh channel, keeps one end and hands the other to the content script through an event on `script` (the
 * bridge's own <script>, while it runs: the content script accepts a port only then). Whoever else catches the event
 * holds the content script's end too, which can only send requests to this bridge, never answers to the content script.
 */
export function offerPageBridge(script: HTMLScriptElement): () => void {
  const channel = new MessageChannel();
  const stop = startPageBridge(channel.port1, script.ownerDocument);
  script.dispatchEvent(new MessageEvent(BRIDGE_PORT_EVENT, { ports: [channel.port2] }));
  return stop;
}

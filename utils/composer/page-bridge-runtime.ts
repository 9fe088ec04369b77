// Runs in the page's own world: answers the content script's validated requests by writing through the editor's API (CKEditor 5).
import { domRangeForOffsets, mapDraftText, type DomPoint } from './draft-text.ts';
import {
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

function answer(request: BridgeRequest, win: Window, result: Pick<BridgeResponse, 'ok' | 'error' | 'detail'>): void {
  const response: BridgeResponse = { tag: BRIDGE_TAG, channel: request.channel, direction: 'response', requestId: request.requestId, ...result };
  // Posted to this same window, where only the content script listens for our channel.
  win.postMessage(response, '*');
}

/** Starts listening on `channel`; returns a function that stops it. Exposes nothing on window. */
export function startPageBridge(channel: string, win: Window = window): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win) return;
    const request = parseBridgeRequest(event.data, channel);
    if (!request) return;
    if (request.op === 'ping') {
      answer(request, win, { ok: true });
      return;
    }
    const editable = win.document.querySelector<HTMLElement>(`[${BRIDGE_TARGET_ATTRIBUTE}="${request.target}"]`);
    const editor = editable ? findCkeditor(editable) : null;
    if (!editable || !editor) {
      answer(request, win, { ok: false, error: 'no-editor' });
      return;
    }
    if (editor.isReadOnly) {
      answer(request, win, { ok: false, error: 'failed', detail: 'read-only' });
      return;
    }
    try {
      insertIntoCkeditor(editor, editable, request.text, request.span);
      answer(request, win, { ok: true });
    } catch (error) {
      answer(request, win, { ok: false, error: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}

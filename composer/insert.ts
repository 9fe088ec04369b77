// Writes a reply into the helpdesk's composer through paths the host editor listens to, so its own state (and undo) sees the text.
import type { ComposerInfo } from '../sites/types.ts';
import { composerError, describeComposerErrorInEnglish, type ComposerError, type ComposerErrorCode } from './errors.ts';
import { domRangeForOffsets, mapDraftText, type DomPoint } from './draft-text.ts';
import { pageBridgeClient, type PageBridgeClient } from './bridge-client.ts';
import { forgetCaret, rememberedCaret, selectionInside, trackCaret } from './caret-memory.ts';

export type ComposerKind = ComposerInfo['kind'];

/** How the text got in: kept so the runtime can log which path a helpdesk needs. */
export type InsertMethod = 'exec-command' | 'value-setter' | 'paste' | 'before-input' | 'page-bridge' | 'dom-edit';

/**
 * A failed insertion carries what went wrong as data (`error`, for whoever shows it in its language) and, as the
 * engine's problems do, its English text (`message`, for the console and the messages that carry it to the panel).
 */
export type InsertOutcome =
  | { ok: true; method: InsertMethod }
  | { ok: false; reason: 'no-composer' | 'failed'; error: ComposerError; message: string };

function failed(
  reason: 'no-composer' | 'failed',
  code: ComposerErrorCode,
  params?: Readonly<Record<string, string | number>>,
): InsertOutcome {
  const error = composerError(code, params);
  return { ok: false, reason, error, message: describeComposerErrorInEnglish(error) };
}

export interface InsertOptions {
  /** The main-world helper for editors whose API the content script cannot see (CKEditor 5). */
  bridge?: PageBridgeClient;
}

/** Offsets into the draft's plain text (as readDraft returns it). */
interface DraftSpan {
  start: number;
  end: number;
}

type TextField = HTMLTextAreaElement | HTMLInputElement;

function isTextField(el: HTMLElement): el is TextField {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/** A contenteditable element, or the body of a document in design mode (where isContentEditable varies by engine). */
function isEditable(el: HTMLElement): boolean {
  return el.isContentEditable || (el.ownerDocument.designMode === 'on' && el === el.ownerDocument.body);
}

function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The element that actually takes the caret for this editor (adapters may hand over a wrapper or a hidden textarea). */
export function editableElementFor(el: HTMLElement, kind: ComposerKind): HTMLElement {
  if (kind === 'textarea' || kind === 'input') return el;
  if (kind === 'designmode') {
    // The iframe's own document is the editor (KindEditor): its body takes the caret and the text.
    const body = el.tagName === 'IFRAME' ? (el as HTMLIFrameElement).contentDocument?.body : null;
    if (body) return body;
  }
  if (kind === 'summernote') {
    if (el.classList.contains('note-editable')) return el;
    const editor =
      el.closest('.note-editor') ??
      (el.nextElementSibling?.classList.contains('note-editor') ? el.nextElementSibling : null);
    const editable =
      editor?.querySelector<HTMLElement>('.note-editable') ?? el.querySelector<HTMLElement>('.note-editable');
    if (editable) return editable;
  }
  if (kind === 'ckeditor5') {
    const editable =
      el.closest<HTMLElement>('.ck-editor__editable') ?? el.querySelector<HTMLElement>('.ck-editor__editable');
    if (editable) return editable;
  }
  if (el.isContentEditable && el.getAttribute('contenteditable') !== null) return el;
  return (
    el.closest<HTMLElement>('[contenteditable="true"],[contenteditable=""]') ??
    el.querySelector<HTMLElement>('[contenteditable="true"],[contenteditable=""]') ??
    el
  );
}

/**
 * Remembers the agent's caret in a rich composer from now on, so an insertion after focus moved away (Draft.js clears
 * its DOM selection on blur) still lands where the agent was. Call when the composer is found; returns the stop function.
 */
export function trackComposerCaret(el: HTMLElement, kind: ComposerKind): () => void {
  const editable = editableElementFor(el, kind);
  // A text field keeps its own selection while blurred.
  return isTextField(editable) ? () => undefined : trackCaret(editable);
}

/** Forgets the remembered caret, e.g. when the agent switches conversation and the composer is reused. */
export function forgetComposerCaret(el: HTMLElement, kind: ComposerKind): void {
  forgetCaret(editableElementFor(el, kind));
}

/** The draft's plain text; its offsets are the ones replaceRange takes. */
export function readDraft(el: HTMLElement, kind: ComposerKind): string {
  const editable = editableElementFor(el, kind);
  if (isTextField(editable)) return editable.value;
  return mapDraftText(editable).text;
}

/** Puts text at the caret (replacing the selection), or at the end when the editor has no caret yet. */
export async function insertText(
  el: HTMLElement,
  kind: ComposerKind,
  text: string,
  options: InsertOptions = {},
): Promise<InsertOutcome> {
  if (!el.isConnected) return failed('no-composer', 'detached');
  const editable = editableElementFor(el, kind);
  const cleanText = normalizeLineBreaks(text);
  if (isTextField(editable)) return insertIntoTextField(editable, cleanText, null);
  if (!isEditable(editable)) return failed('failed', 'notEditable');
  // Draft.js clears the DOM selection when it loses focus: fall back to where the agent's caret was seen last.
  const caret = selectionInside(editable) ?? rememberedCaret(editable);
  let span: DraftSpan | null = null;
  if (!caret) {
    const length = mapDraftText(editable).text.length;
    span = { start: length, end: length };
  }
  return insertIntoRichEditor(editable, kind, cleanText, span, caret, options);
}

/**
 * Selects the draft's plain text between start and end (offsets as readDraft returns them), so the agent types over it;
 * false when the span is not in the draft.
 */
export async function selectDraftRange(
  el: HTMLElement,
  kind: ComposerKind,
  start: number,
  end: number,
): Promise<boolean> {
  if (!el.isConnected) return false;
  const editable = editableElementFor(el, kind);
  const length = isTextField(editable) ? editable.value.length : mapDraftText(editable).text.length;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) return false;
  if (isTextField(editable)) {
    editable.focus({ preventScroll: true });
    editable.setSelectionRange(start, end);
    return true;
  }
  await placeCaret(editable, kind, { start, end }, null);
  return true;
}

/** Replaces the draft's plain text between start and end (offsets as readDraft returns them). */
export async function replaceRange(
  el: HTMLElement,
  kind: ComposerKind,
  start: number,
  end: number,
  text: string,
  options: InsertOptions = {},
): Promise<InsertOutcome> {
  if (!el.isConnected) return failed('no-composer', 'detached');
  const editable = editableElementFor(el, kind);
  const cleanText = normalizeLineBreaks(text);
  const length = isTextField(editable) ? editable.value.length : mapDraftText(editable).text.length;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
    return failed('failed', 'rangeOutOfDraft', { start, end, length });
  }
  if (isTextField(editable)) return insertIntoTextField(editable, cleanText, { start, end });
  if (!isEditable(editable)) return failed('failed', 'notEditable');
  return insertIntoRichEditor(editable, kind, cleanText, { start, end }, null, options);
}

// ---------------------------------------------------------------------------------------------
// textarea and input

async function insertIntoTextField(field: TextField, rawText: string, span: DraftSpan | null): Promise<InsertOutcome> {
  if (field.disabled || field.readOnly) return failed('failed', 'notEditable');
  // A single-line input would silently drop everything after the first line break.
  const text = field.tagName === 'INPUT' ? rawText.replace(/\n+/g, ' ') : rawText;
  const hadFocus = field.ownerDocument.activeElement === field;
  const start = span ? span.start : (field.selectionStart ?? field.value.length);
  const end = span ? span.end : (field.selectionEnd ?? field.value.length);
  field.focus({ preventScroll: true });
  if (span || !hadFocus) field.setSelectionRange(start, end);
  const expected = field.value.slice(0, start) + text + field.value.slice(end);

  // execCommand goes through the browser's editing pipeline: trusted input events and a native undo step.
  const executed = runEditingCommand(field.ownerDocument, 'insertText', text);
  if (executed && field.value === expected) return { ok: true, method: 'exec-command' };

  // Frameworks that wrap the value property (React) only notice a value written through the prototype's setter.
  const prototype = Object.getPrototypeOf(field) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(field, expected);
  else field.value = expected;
  const caret = start + text.length;
  field.setSelectionRange(caret, caret);
  const InputEventCtor = field.ownerDocument.defaultView?.InputEvent ?? InputEvent;
  field.dispatchEvent(new InputEventCtor('input', { bubbles: true, inputType: 'insertText', data: text }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  if (field.value === expected) return { ok: true, method: 'value-setter' };
  return failed('failed', 'notInserted', { kind: field.tagName.toLowerCase() });
}

// ---------------------------------------------------------------------------------------------
// contenteditable editors

function selectDomRange(editable: HTMLElement, start: DomPoint, end: DomPoint): void {
  const selection = editable.ownerDocument.getSelection();
  if (!selection) return;
  const range = editable.ownerDocument.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  selection.removeAllRanges();
  selection.addRange(range);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Editors copy the DOM selection into their own model on `selectionchange`, which fires a task later;
 * Slate throttles that copy to one per 100 ms.
 */
async function letEditorSeeSelection(editable: HTMLElement, kind: ComposerKind): Promise<void> {
  const doc = editable.ownerDocument;
  await new Promise<void>((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      resolve();
    };
    doc.addEventListener('selectionchange', done);
    setTimeout(done, 50);
  });
  await delay(kind === 'slate' ? 120 : 0);
}

/** Focus moves the caret to the start in some browsers: put back the caret the agent had, or the requested span. */
async function placeCaret(
  editable: HTMLElement,
  kind: ComposerKind,
  span: DraftSpan | null,
  caret: Range | null,
): Promise<void> {
  // A design-mode body gets the caret only once its frame has the focus.
  if (editable.ownerDocument.designMode === 'on') editable.ownerDocument.defaultView?.focus();
  editable.focus({ preventScroll: true });
  if (span) {
    const target = domRangeForOffsets(mapDraftText(editable), span.start, span.end);
    selectDomRange(editable, target.start, target.end);
  } else if (caret) {
    selectDomRange(
      editable,
      { node: caret.startContainer, offset: caret.startOffset },
      { node: caret.endContainer, offset: caret.endOffset },
    );
  }
  await letEditorSeeSelection(editable, kind);
}

/** React-based editors (Draft.js, Slate) render the new state after the event returns. */
async function afterEditorRender(): Promise<void> {
  await delay(16);
}

/** Editors may collapse runs of spaces or turn tabs into spaces: compare what the agent would read. */
function withoutWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, '');
}

function draftTookText(before: string, after: string, text: string): boolean {
  if (after === before) return false;
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return withoutWhitespace(after).includes(withoutWhitespace(firstLine));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One <p> per line, so an editor that parses pasted HTML keeps blank lines (ProseMirror drops them from plain text). */
function linesAsParagraphHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

function dispatchSyntheticPaste(editable: HTMLElement, text: string, withParagraphHtml: boolean): boolean {
  const view = editable.ownerDocument.defaultView;
  const DataTransferCtor = view?.DataTransfer ?? DataTransfer;
  const ClipboardEventCtor = view?.ClipboardEvent ?? ClipboardEvent;
  const data = new DataTransferCtor();
  data.setData('text/plain', text);
  if (withParagraphHtml) data.setData('text/html', linesAsParagraphHtml(text));
  const event = new ClipboardEventCtor('paste', {
    clipboardData: data,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  const target = editable.ownerDocument.getSelection()?.anchorNode?.parentElement ?? editable;
  (editable.contains(target) ? target : editable).dispatchEvent(event);
  return event.defaultPrevented;
}

function dispatchBeforeInput(editable: HTMLElement, text: string): boolean {
  const InputEventCtor = editable.ownerDocument.defaultView?.InputEvent ?? InputEvent;
  const event = new InputEventCtor('beforeinput', {
    inputType: 'insertText',
    data: text,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  editable.dispatchEvent(event);
  return event.defaultPrevented;
}

/** document.execCommand is deprecated and absent in some engines: a missing or throwing command just means "not done". */
function runEditingCommand(doc: Document, command: 'insertText' | 'insertParagraph', value?: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand(command, false, value);
  } catch {
    return false;
  }
}

/** Inserts line by line so each line break becomes the browser's own paragraph break (one undo group per command). */
function execCommandInsert(editable: HTMLElement, text: string): boolean {
  const doc = editable.ownerDocument;
  const lines = text.split('\n');
  let accepted = true;
  lines.forEach((line, index) => {
    if (index > 0) accepted = runEditingCommand(doc, 'insertParagraph') && accepted;
    if (line !== '') accepted = runEditingCommand(doc, 'insertText', line) && accepted;
  });
  return accepted;
}

/** Last resort for editors that ignore every event: edit the DOM and tell listeners it changed. */
function editDomDirectly(editable: HTMLElement, text: string): void {
  const doc = editable.ownerDocument;
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return;
  const range = selection.getRangeAt(0);
  range.deleteContents();
  const fragment = doc.createDocumentFragment();
  text.split('\n').forEach((line, index) => {
    if (index > 0) fragment.append(doc.createElement('br'));
    fragment.append(doc.createTextNode(line));
  });
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const InputEventCtor = doc.defaultView?.InputEvent ?? InputEvent;
  editable.dispatchEvent(new InputEventCtor('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/**
 * What the page bridge's failure says about the reply box: `absent` when no CKEditor answered (no instance behind the
 * editable, as on a saved page or an editor still loading, or no bridge answering), `refused` when an editor is there
 * and said no (read-only, an error of its own).
 */
type BridgeVerdict = 'absent' | 'refused';

/** The ways into a rich editor after its page bridge (which only CKEditor 5 has). */
type RichEditorMethod = Exclude<InsertMethod, 'page-bridge' | 'value-setter'>;

const NO_EDITOR_ANSWERED: ReadonlySet<ComposerErrorCode> = new Set([
  'bridgeNoEditor',
  'bridgeUnavailable',
  'bridgeTimeout',
]);

function bridgeVerdictOf(error: ComposerError): BridgeVerdict {
  return NO_EDITOR_ANSWERED.has(error.code) ? 'absent' : 'refused';
}

/**
 * The ways to try after the first, in order (CKEditor 5 asks its page bridge first and passes what it answered).
 * Rich editors own their DOM: a paste is the one event they all parse into their model as a single undo step. Plain
 * contenteditable (and Summernote, which records its history from the DOM) take the browser's own editing commands, and
 * direct DOM editing when the page ignores even those. An element that only looks like CKEditor, with no editor behind
 * it, is plain contenteditable; a CKEditor that refused gets no DOM edit its model would not know about.
 */
export function insertionPlan(kind: ComposerKind, bridge?: BridgeVerdict): RichEditorMethod[] {
  // A design-mode document (KindEditor) is the browser's own editing, as plain contenteditable is.
  if (kind === 'contenteditable' || kind === 'summernote' || kind === 'designmode') {
    return ['exec-command', 'before-input', 'dom-edit'];
  }
  if (kind === 'ckeditor5') {
    return bridge === 'absent' ? ['paste', 'before-input', 'exec-command', 'dom-edit'] : ['paste', 'before-input'];
  }
  return ['paste', 'exec-command', 'before-input'];
}

async function insertIntoRichEditor(
  editable: HTMLElement,
  kind: ComposerKind,
  text: string,
  span: DraftSpan | null,
  caret: Range | null,
  options: InsertOptions,
): Promise<InsertOutcome> {
  const before = mapDraftText(editable).text;
  /** Success is judged by the draft afterwards, not by what an event or the bridge reported. */
  const judge = async (method: InsertMethod): Promise<InsertOutcome | null> => {
    await afterEditorRender();
    const after = mapDraftText(editable).text;
    if (draftTookText(before, after, text)) return { ok: true, method };
    // Once the draft changed at all, another attempt could insert the reply twice: stop and let the agent look.
    if (after !== before) return failed('failed', 'notInserted', { kind });
    return null;
  };

  let bridge: BridgeVerdict | undefined;
  if (kind === 'ckeditor5') {
    const answer = await (options.bridge ?? pageBridgeClient()).insertIntoCkeditor(editable, text, span);
    const judged = await judge('page-bridge');
    if (judged) return judged;
    // A bridge that gave up waiting took its mark off the editable: a request the page handles late finds no editor
    // there, so the plain path below cannot put the reply in a second time.
    bridge = answer.ok ? 'refused' : bridgeVerdictOf(answer.error);
  }

  // Only ProseMirror gets HTML: Slate and Draft.js take a plain-text-only paste through their simplest, most faithful path.
  const runs: Record<RichEditorMethod, () => unknown> = {
    paste: () => dispatchSyntheticPaste(editable, text, kind === 'prosemirror' && text.includes('\n\n')),
    'exec-command': () => execCommandInsert(editable, text),
    'before-input': () => dispatchBeforeInput(editable, text),
    'dom-edit': () => editDomDirectly(editable, text),
  };
  for (const method of insertionPlan(kind, bridge)) {
    await placeCaret(editable, kind, span, caret);
    runs[method]();
    const judged = await judge(method);
    if (judged) return judged;
  }
  return failed('failed', 'notInserted', { kind });
}

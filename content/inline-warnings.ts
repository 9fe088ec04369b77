// Inline warnings in the page: underlines the draft's findings over the composer in the UI host's layer (never touching the editor's DOM); a click applies the fix.
import { h, render } from 'preact';
import {
  INLINE_WARNINGS_CSS,
  InlineWarnings,
  type InlineRect,
  type InlineUnderline,
} from '../components/inline/InlineWarnings.tsx';
import type { Finding } from '../engine/types.ts';
import type { ComposerInfo } from '../sites/types.ts';
import { domRangeForOffsets, editableElementFor, mapDraftText, replaceRange } from '../composer/index.ts';
import { currentComposer } from './draft-lint.ts';
import { findingsForComposer } from './note-lint.ts';
import type { Tab } from './tab.ts';
import { textFieldUnderlineRects } from './text-field-rects.ts';
import type { InsertResult } from '../utils/messaging.ts';

function toRect(rect: DOMRect | DOMRectReadOnly): InlineRect {
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

/** Boxes of the finding's text inside a rich editor, clipped to the editor's visible box. */
function underlineRects(editable: HTMLElement, findings: Finding[], clip: DOMRect): InlineUnderline[] {
  const map = mapDraftText(editable);
  return findings.map((finding) => {
    if (finding.end > map.text.length || finding.start >= finding.end) return { finding, rects: [] };
    try {
      const { start, end } = domRangeForOffsets(map, finding.start, finding.end);
      const range = editable.ownerDocument.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const rects = [...range.getClientRects()]
        .filter((r) => r.width > 0 && r.bottom > clip.top && r.top < clip.bottom)
        .map((r) => {
          const left = Math.max(r.left, clip.left);
          const right = Math.min(r.right, clip.right);
          return { left, top: r.top, width: Math.max(0, right - left), height: r.height };
        });
      return { finding, rects };
    } catch {
      // The editor re-rendered between lint and layout: the next input lays it out again.
      return { finding, rects: [] };
    }
  });
}

/** Replaces a span of the draft (a finding's) with its fix, then lints again. */
export async function applyFix(tab: Tab, start: number, end: number, replacement: string): Promise<InsertResult> {
  const composer = currentComposer(tab);
  if (!composer) return { ok: false, reason: 'no-composer', message: 'No composer on this page.' };
  const outcome = await replaceRange(composer.element, composer.kind, start, end, replacement);
  tab.store.get().draft?.lintNow();
  return outcome.ok ? { ok: true } : outcome;
}

export function startInlineWarnings(tab: Tab): () => void {
  const { store, host } = tab;
  const layer = host.layer('warnings', INLINE_WARNINGS_CSS);
  const container = layer.ownerDocument.createElement('div');
  // Where a text field's text is copied to be measured (text-field-rects.ts): inside our root, out of the page's sight.
  const scratch = layer.ownerDocument.createElement('div');
  layer.replaceChildren(container, scratch);
  const win = host.element.ownerDocument.defaultView ?? window;

  let composer: ComposerInfo | null = null;
  let findings: Finding[] = [];
  let frame: number | null = null;

  const onApply = (finding: Finding): void => {
    const fix = finding.fix;
    if (!fix) return;
    applyFix(tab, fix.start, fix.end, fix.text).catch((error: unknown) =>
      console.error('[huashu] applying the suggestion failed', error),
    );
  };

  function layout(): void {
    frame = null;
    try {
      if (!composer || findings.length === 0 || !composer.element.isConnected) {
        render(null, container);
        return;
      }
      const editable = editableElementFor(composer.element, composer.kind);
      const box = editable.getBoundingClientRect();
      const isTextField = editable.tagName === 'TEXTAREA' || editable.tagName === 'INPUT';
      const underlines = isTextField
        ? textFieldUnderlineRects(editable as HTMLTextAreaElement | HTMLInputElement, findings, box, scratch)
        : underlineRects(editable, findings, box);
      render(h(InlineWarnings, { underlines, composer: toRect(box), onApply }), container);
    } catch (error) {
      console.error('[huashu] drawing the inline warnings failed', error);
    }
  }

  function scheduleLayout(): void {
    if (frame !== null) return;
    frame = win.requestAnimationFrame(layout);
  }

  // Scrolling anything (the page, the composer) or resizing moves the text under the underlines.
  const onViewportChange = (): void => {
    if (findings.length > 0) scheduleLayout();
  };
  win.addEventListener('scroll', onViewportChange, { capture: true, passive: true });
  win.addEventListener('resize', onViewportChange, { passive: true });

  const unsubscribe = store.subscribe((next, previous) => {
    if (next.composer === previous.composer && next.view.findings === previous.view.findings) return;
    composer = next.composer;
    findings = composer ? findingsForComposer(composer, next.view.findings) : [];
    scheduleLayout();
  });

  return () => {
    unsubscribe();
    if (frame !== null) win.cancelAnimationFrame(frame);
    win.removeEventListener('scroll', onViewportChange, { capture: true });
    win.removeEventListener('resize', onViewportChange);
    render(null, container);
  };
}

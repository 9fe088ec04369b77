// Mounts the inline warnings in a closed shadow root on our host element and keeps them over the composer (never touching the editor's DOM).
import { h, render } from 'preact';
import {
  INLINE_WARNINGS_CSS,
  InlineWarnings,
  type InlineRect,
  type InlineUnderline,
} from '../components/inline/InlineWarnings.tsx';
import type { Finding } from '../engine/types.ts';
import type { ComposerInfo } from '../sites/types.ts';
import { domRangeForOffsets, editableElementFor, mapDraftText } from '../composer/index.ts';
import { textFieldUnderlineRects } from './text-field-rects.ts';

export interface InlineOverlay {
  update(composer: ComposerInfo | null, findings: Finding[]): void;
  destroy(): void;
}

export interface InlineOverlayCallbacks {
  applyFinding(finding: Finding): void;
}

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

// A closed root cannot be found again from its host, and a host takes only one: keep it for a remount (site switched off and on).
const shadowRoots = new WeakMap<HTMLElement, ShadowRoot>();

export function mountInlineOverlay(host: HTMLElement, callbacks: InlineOverlayCallbacks): InlineOverlay {
  // Closed: the helpdesk's scripts cannot reach in, and its styles do not apply.
  const shadow = shadowRoots.get(host) ?? host.attachShadow({ mode: 'closed' });
  shadowRoots.set(host, shadow);
  shadow.replaceChildren();
  const style = document.createElement('style');
  style.textContent = INLINE_WARNINGS_CSS;
  const container = document.createElement('div');
  // Where a text field's text is copied to be measured (text-field-rects.ts): inside our root, out of the page's sight.
  const scratch = document.createElement('div');
  shadow.append(style, container, scratch);
  const win = host.ownerDocument.defaultView ?? window;

  let composer: ComposerInfo | null = null;
  let findings: Finding[] = [];
  let frame: number | null = null;

  const onApply = (finding: Finding): void => {
    try {
      callbacks.applyFinding(finding);
    } catch (error) {
      console.error('[huashu] applying the inline suggestion failed', error);
    }
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

  return {
    update(nextComposer, nextFindings) {
      composer = nextComposer;
      findings = nextFindings;
      scheduleLayout();
    },
    destroy() {
      if (frame !== null) win.cancelAnimationFrame(frame);
      win.removeEventListener('scroll', onViewportChange, { capture: true });
      win.removeEventListener('resize', onViewportChange);
      render(null, container);
    },
  };
}

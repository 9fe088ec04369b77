// Inline draft warnings drawn over the helpdesk's composer: underlines under each finding, a count badge, a popover with the fix.
import { useState } from 'preact/hooks';
import type { Finding } from '../../engine/types.ts';
import { worstSeverityOf } from '../common/severity.ts';

/** A box in viewport coordinates. */
export interface InlineRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface InlineUnderline {
  finding: Finding;
  /** One box per line the finding's text spans (empty for text fields, whose text cannot be measured). */
  rects: InlineRect[];
}

export interface InlineWarningsProps {
  underlines: InlineUnderline[];
  /** The composer's box; the badge sits at its bottom-right corner. Null hides everything. */
  composer: InlineRect | null;
  onApply(finding: Finding): void;
}

function findingKey(finding: Finding): string {
  return `${finding.ruleId}:${finding.start}:${finding.end}`;
}

function FindingDetails({ finding, onApply }: { finding: Finding; onApply(finding: Finding): void }) {
  return (
    <div class={`detail severity-${finding.severity}`} data-rule-id={finding.ruleId}>
      <div class="detail-match">「{finding.match}」</div>
      <div class="detail-message">{finding.message}</div>
      {finding.fix !== undefined && (
        <button
          type="button"
          class="detail-apply"
          data-apply-rule={finding.ruleId}
          // Keep the editor's focus and selection: the fix replaces the finding's span, not the selection.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onApply(finding)}
        >
          → {finding.fix.text}
        </button>
      )}
    </div>
  );
}

export function InlineWarnings({ underlines, composer, onApply }: InlineWarningsProps) {
  const [openKey, setOpenKey] = useState<string | null>(null);
  if (!composer || underlines.length === 0) return null;
  const findings = underlines.map((u) => u.finding);
  const severity = worstSeverityOf(findings);
  const open = openKey === 'badge' ? findings : findings.filter((f) => findingKey(f) === openKey);
  const openAnchor =
    openKey === 'badge' || open.length === 0
      ? { left: composer.left + composer.width, top: composer.top + composer.height, alignRight: true }
      : (() => {
          const rect = underlines.find((u) => findingKey(u.finding) === openKey)?.rects.at(-1);
          return rect
            ? { left: rect.left, top: rect.top + rect.height, alignRight: false }
            : { left: composer.left + composer.width, top: composer.top + composer.height, alignRight: true };
        })();
  const close = () => setOpenKey(null);
  // The popover overlaps its anchor by a pixel or two so the pointer can travel into it without leaving the layer.

  return (
    <div class="layer" onMouseLeave={close}>
      {underlines.flatMap(({ finding, rects }) =>
        rects.map((rect, index) => (
          <span
            key={`${findingKey(finding)}:${index}`}
            class={`underline severity-${finding.severity}`}
            data-finding-rule={finding.ruleId}
            style={{ left: `${rect.left}px`, top: `${rect.top + rect.height - 3}px`, width: `${rect.width}px` }}
            onMouseEnter={() => setOpenKey(findingKey(finding))}
          />
        )),
      )}
      <button
        type="button"
        class={`badge severity-${severity}`}
        data-huashu-badge={String(findings.length)}
        aria-label={`${findings.length}`}
        aria-expanded={openKey === 'badge'}
        style={{ left: `${composer.left + composer.width - 26}px`, top: `${composer.top + composer.height - 26}px` }}
        onMouseDown={(event) => event.preventDefault()}
        onMouseEnter={() => setOpenKey('badge')}
        onFocus={() => setOpenKey('badge')}
        onBlur={close}
        onClick={() => setOpenKey(openKey === 'badge' ? null : 'badge')}
      >
        {findings.length}
      </button>
      {openKey !== null && open.length > 0 && (
        <div
          class="popover"
          role="dialog"
          style={
            openAnchor.alignRight
              ? {
                  right: `${Math.max(0, window.innerWidth - openAnchor.left)}px`,
                  bottom: `${Math.max(0, window.innerHeight - (composer.top + composer.height - 24))}px`,
                }
              : { left: `${openAnchor.left}px`, top: `${openAnchor.top - 1}px` }
          }
        >
          {open.map((finding) => (
            <FindingDetails
              key={findingKey(finding)}
              finding={finding}
              onApply={(f) => {
                close();
                onApply(f);
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** The overlay's styles, for the shadow root it is mounted in (the helpdesk's CSS cannot reach in, ours cannot leak out). */
export const INLINE_WARNINGS_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; font: 13px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; }
.underline { position: fixed; height: 3px; box-sizing: border-box; pointer-events: auto; cursor: pointer; border-bottom: 2px solid; }
.underline.severity-error { border-bottom-color: #d93025; border-bottom-style: solid; }
.underline.severity-warning { border-bottom-color: #e8a200; border-bottom-style: solid; }
.underline.severity-info { border-bottom-color: #8a8f98; border-bottom-style: dotted; }
.badge { position: fixed; min-width: 20px; height: 20px; padding: 0 6px; border: 0; border-radius: 10px; color: #fff; font: 600 12px/20px system-ui, sans-serif; cursor: pointer; pointer-events: auto; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.badge.severity-error { background: #d93025; }
.badge.severity-warning { background: #e8a200; }
.badge.severity-info { background: #8a8f98; }
.badge:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.popover { position: fixed; max-width: 320px; max-height: 50vh; overflow: auto; padding: 8px; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); pointer-events: auto; }
.detail { padding: 6px 4px; border-left: 3px solid; padding-left: 8px; margin: 2px 0; }
.detail.severity-error { border-left-color: #d93025; }
.detail.severity-warning { border-left-color: #e8a200; }
.detail.severity-info { border-left-color: #8a8f98; }
.detail-match { font-weight: 600; }
.detail-message { margin: 2px 0 4px; }
.detail-apply { all: unset; cursor: pointer; color: #1a73e8; }
.detail-apply:hover, .detail-apply:focus-visible { text-decoration: underline; }
`;

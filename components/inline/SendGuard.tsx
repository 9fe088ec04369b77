// The guard before sending, drawn over the composer when a send was stopped: each error finding with its fix, "send anyway" where the team allows it (props in, callbacks out).
import type { Finding } from '../../engine/types.ts';

/** The guard's strings in the UI language (locales/*Guard); `{key}` and `{suggestion}` are filled here. */
interface SendGuardLabels {
  guardTitle: string;
  guardConfirmHint: string;
  guardBlockHint: string;
  guardApply: string;
  guardNoSuggestion: string;
  guardSendAnyway: string;
  guardKeepEditing: string;
}

export interface SendGuardProps {
  labels: SendGuardLabels;
  /** The error findings that stopped the send, in draft order. */
  findings: Finding[];
  /** Confirm mode: the agent may send as it is. Block mode: only a fix lets the reply go. */
  canSendAnyway: boolean;
  /** The key that sends again ("Enter", "Ctrl+Enter"), or null when the send button was clicked. */
  sendKey: string | null;
  /** The composer's box in viewport coordinates: the guard sits just above it (below when there is no room). */
  composer: { left: number; top: number; width: number; bottom: number };
  viewport: { width: number; height: number };
  onApply(finding: Finding): void;
  onSendAnyway(): void;
  onClose(): void;
}

const WIDTH = 380;
const ROOM_ABOVE = 200;

export function SendGuard(props: SendGuardProps) {
  const { labels, composer, viewport } = props;
  const left = Math.max(4, Math.min(composer.left, viewport.width - WIDTH - 4));
  const above = composer.top >= ROOM_ABOVE;
  const position = above
    ? { bottom: `${Math.max(4, viewport.height - composer.top + 6)}px` }
    : { top: `${Math.min(viewport.height - 40, composer.bottom + 6)}px` };
  const hint = props.canSendAnyway
    ? props.sendKey
      ? labels.guardConfirmHint.replace('{key}', props.sendKey)
      : null
    : labels.guardBlockHint;
  // Buttons keep the editor's focus and selection: a second Enter must reach the composer, a fix replaces its span.
  const keepFocus = (event: MouseEvent) => event.preventDefault();
  return (
    <div
      class="guard"
      role="alertdialog"
      aria-label={labels.guardTitle}
      data-send-guard={props.canSendAnyway ? 'confirm' : 'block'}
      style={{ left: `${left}px`, width: `${WIDTH}px`, ...position }}
    >
      <div class="guard-title">{labels.guardTitle}</div>
      <ul class="guard-findings">
        {props.findings.map((finding) => (
          <li key={`${finding.ruleId}:${finding.start}:${finding.end}`} data-guard-finding={finding.ruleId}>
            <div class="guard-match">「{finding.match}」</div>
            <div class="guard-message">{finding.message}</div>
            {finding.fix !== undefined ? (
              <button
                type="button"
                class="guard-apply"
                data-guard-apply={finding.ruleId}
                onMouseDown={keepFocus}
                onClick={() => props.onApply(finding)}
              >
                {labels.guardApply.replace('{suggestion}', finding.fix.text)}
              </button>
            ) : (
              <div class="guard-message">{labels.guardNoSuggestion}</div>
            )}
          </li>
        ))}
      </ul>
      {hint !== null && <div class="guard-hint">{hint}</div>}
      <div class="guard-actions">
        <button type="button" class="guard-button" data-guard-close="" onMouseDown={keepFocus} onClick={props.onClose}>
          {labels.guardKeepEditing}
        </button>
        {props.canSendAnyway && (
          <button
            type="button"
            class="guard-button guard-send"
            data-guard-send-anyway=""
            onMouseDown={keepFocus}
            onClick={props.onSendAnyway}
          >
            {labels.guardSendAnyway}
          </button>
        )}
      </div>
    </div>
  );
}

/** The guard's styles, for the shadow root layer it is drawn in. */
export const SEND_GUARD_CSS = `
.guard { position: fixed; box-sizing: border-box; max-height: 60vh; overflow: auto; padding: 10px 12px; background: #fff; color: #1f2328; border: 1px solid #d93025; border-radius: 8px; box-shadow: 0 6px 20px rgba(0,0,0,.22); font: 13px/1.45 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; pointer-events: auto; }
.guard-title { font-weight: 600; color: #b3261e; margin-bottom: 6px; }
.guard-findings { list-style: none; margin: 0; padding: 0; }
.guard-findings li { border-left: 3px solid #d93025; padding: 4px 0 4px 8px; margin: 4px 0; }
.guard-match { font-weight: 600; }
.guard-message { margin: 2px 0; }
.guard-apply { all: unset; cursor: pointer; color: #1a73e8; }
.guard-apply:hover, .guard-apply:focus-visible { text-decoration: underline; }
.guard-hint { margin-top: 6px; color: #57606a; }
.guard-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; }
.guard-button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; cursor: pointer; }
.guard-send { border-color: #d93025; background: #fff; color: #b3261e; }
.guard-button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
`;

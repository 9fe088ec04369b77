// The `;;` picker drawn over the composer: a listbox of matching replies at the caret (props in, callbacks out; keys are handled by the caller, which owns the editor's focus).

export interface ExpansionPickerItem {
  /** Unique within the list (scope id + reply id). */
  key: string;
  title: string;
  /** The reply as it will be inserted (variables filled). */
  text: string;
  scopeTitle: string;
}

/** The picker's strings in the UI language (locales/*Expansion); `{query}` in noMatch is filled here. */
interface ExpansionPickerLabels {
  expansionLabel: string;
  expansionNoMatch: string;
  expansionHint: string;
}

export interface ExpansionPickerProps {
  labels: ExpansionPickerLabels;
  items: ExpansionPickerItem[];
  /** Index of the highlighted row. */
  active: number;
  query: string;
  /** The caret's box in viewport coordinates; the picker opens below it (above when there is no room). */
  caret: { left: number; top: number; bottom: number };
  viewport: { width: number; height: number };
  onPick(index: number): void;
  onHover(index: number): void;
}

const WIDTH = 360;
const MAX_HEIGHT = 260;

const EXPANSION_PICKER_ID = 'huashu-expansion-list';

export function expansionOptionId(index: number): string {
  return `huashu-expansion-option-${index}`;
}

/** Below the caret, or above it when there is no room, and inside the viewport. */
function boxAtCaret(caret: ExpansionPickerProps['caret'], viewport: ExpansionPickerProps['viewport']) {
  const left = Math.max(4, Math.min(caret.left, viewport.width - WIDTH - 4));
  const below = viewport.height - caret.bottom >= MAX_HEIGHT + 8 || caret.top < MAX_HEIGHT + 8;
  const position = below ? { top: `${caret.bottom + 4}px` } : { bottom: `${viewport.height - caret.top + 4}px` };
  return { left: `${left}px`, width: `${WIDTH}px`, maxHeight: `${MAX_HEIGHT}px`, ...position };
}

export function ExpansionPicker(props: ExpansionPickerProps) {
  return (
    <div class="expansion" style={boxAtCaret(props.caret, props.viewport)} data-expansion-picker="">
      {props.items.length === 0 ? (
        <div class="expansion-empty" role="status">
          {props.labels.expansionNoMatch.replace('{query}', props.query)}
        </div>
      ) : (
        <ul
          id={EXPANSION_PICKER_ID}
          role="listbox"
          aria-label={props.labels.expansionLabel}
          aria-activedescendant={expansionOptionId(props.active)}
        >
          {props.items.map((item, index) => (
            <li
              key={item.key}
              id={expansionOptionId(index)}
              role="option"
              aria-selected={index === props.active}
              class={index === props.active ? 'expansion-option active' : 'expansion-option'}
              data-reply-key={item.key}
              // Keep the editor's focus and caret: the reply replaces the typed trigger there.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => props.onHover(index)}
              onClick={() => props.onPick(index)}
            >
              <span class="expansion-title">{item.title}</span>
              <span class="expansion-scope">{item.scopeTitle}</span>
              <span class="expansion-text">{item.text}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="expansion-hint">{props.labels.expansionHint}</div>
    </div>
  );
}

export interface ExpansionFallbackProps {
  /** Why the picked reply is not in the reply box and what to do (locales/*ReplyFallback). */
  message: string;
  /** The reply to copy by hand, shown when the clipboard refused it too. */
  reply?: string;
  caret: ExpansionPickerProps['caret'];
  viewport: ExpansionPickerProps['viewport'];
}

/** Where the picker was: the picked reply did not go in, so the agent reads why and pastes it (or copies it from here). */
export function ExpansionFallback(props: ExpansionFallbackProps) {
  return (
    <div
      class="expansion expansion-fallback"
      style={boxAtCaret(props.caret, props.viewport)}
      role="alert"
      data-expansion-fallback={props.reply === undefined ? 'copied' : 'not-copied'}
    >
      <div class="expansion-fallback-message">{props.message}</div>
      {props.reply !== undefined && <div class="expansion-fallback-reply">{props.reply}</div>}
    </div>
  );
}

export const EXPANSION_PICKER_CSS = `
.expansion { position: fixed; z-index: 2147483647; overflow: auto; box-sizing: border-box; background: #fff; color: #1f2328;
  border: 1px solid #c8ccd1; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.18); font: 13px/1.4 system-ui, sans-serif; }
.expansion ul { list-style: none; margin: 0; padding: 4px 0; }
.expansion-option { padding: 6px 10px; cursor: pointer; display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; }
.expansion-option.active { background: #e7f0ff; outline: 2px solid #2f6fde; outline-offset: -2px; }
.expansion-title { font-weight: 600; }
.expansion-scope { color: #57606a; font-size: 12px; }
.expansion-text { grid-column: 1 / -1; color: #3d444d; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.expansion-empty { padding: 8px 10px; color: #57606a; }
.expansion-hint { padding: 4px 10px; border-top: 1px solid #eaeef2; color: #57606a; font-size: 11px; }
.expansion-fallback { padding: 8px 10px; border-color: #d1242f; }
.expansion-fallback-reply { margin-top: 6px; padding: 6px; white-space: pre-wrap; user-select: all; -webkit-user-select: all;
  background: #f6f8fa; border-radius: 4px; }
@media (prefers-color-scheme: dark) {
  .expansion { background: #1f2328; color: #e6edf3; border-color: #3d444d; }
  .expansion-option.active { background: #1c3a66; outline-color: #6ea8ff; }
  .expansion-scope, .expansion-empty, .expansion-hint { color: #9198a1; }
  .expansion-text { color: #c9d1d9; }
  .expansion-fallback-reply { background: #2d333b; }
}
`;

// A status message with optional actions: page states, composer warnings, results of the agent's actions.
import type { ComponentChildren } from 'preact';

export type BannerTone = 'info' | 'warning' | 'error' | 'ok';

export interface BannerAction {
  label: string;
  onClick: () => void;
}

export function Banner(props: {
  tone: BannerTone;
  title?: string;
  children?: ComponentChildren;
  actions?: BannerAction[];
  testId?: string;
}) {
  // Errors interrupt the screen reader; the rest waits its turn.
  const role = props.tone === 'error' ? 'alert' : 'status';
  return (
    <div class={`banner banner-${props.tone}`} role={role} data-testid={props.testId}>
      {props.title && <strong class="banner-title">{props.title}</strong>}
      {props.children && <div class="banner-body">{props.children}</div>}
      {props.actions && props.actions.length > 0 && (
        <div class="banner-actions">
          {props.actions.map((action) => (
            <button type="button" class="button" key={action.label} onClick={action.onClick}>
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

// React-controlled <textarea> and <input> composers: the value lives in React state, as in most React helpdesks.
import * as React from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { DemoEditor } from './types.ts';

function mountControlledField(host: HTMLElement, placeholder: string, tag: 'textarea' | 'input'): Promise<DemoEditor> {
  const state = { value: '' };
  let setFromOutside: ((value: string) => void) | null = null;

  function ControlledField() {
    const [value, setValue] = React.useState('');
    state.value = value;
    setFromOutside = setValue;
    return React.createElement(tag, {
      className: `composer-field composer-field--${tag}`,
      value,
      placeholder,
      rows: tag === 'textarea' ? 4 : undefined,
      'aria-label': placeholder,
      onChange: (event: { target: { value: string } }) => setValue(event.target.value),
    });
  }

  const root = createRoot(host);
  root.render(React.createElement(ControlledField));
  return new Promise((resolve) => {
    const waitForRender = () => {
      const field = host.querySelector<HTMLElement>(tag);
      if (!field) return void requestAnimationFrame(waitForRender);
      resolve({
        kind: tag,
        composer: field,
        modelText: () => state.value,
        // Rendered before returning: keys typed right after go into the new value, as after a real page's own update.
        setDraft: (text) => flushSync(() => setFromOutside?.(text)),
        clear: () => flushSync(() => setFromOutside?.('')),
        destroy: () => root.unmount(),
      });
    };
    waitForRender();
  });
}

export const mountTextarea = (host: HTMLElement, placeholder: string) =>
  mountControlledField(host, placeholder, 'textarea');
export const mountInput = (host: HTMLElement, placeholder: string) => mountControlledField(host, placeholder, 'input');

// @vitest-environment happy-dom
// The guard before sending in the options form: confirm by default, block or off saved; a policy's mode is shown, not editable.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/common/i18n.tsx';
import { SettingsForm } from '../../components/options/SettingsForm.tsx';
import type { SettingsView } from '../../components/options/types.ts';

let root: HTMLElement;
const SETTINGS: SettingsView = { agentName: '小王', agentId: '', company: '', uiLanguage: 'en' };

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

function show(settings: SettingsView, locked: string[] = []) {
  const onSave = vi.fn();
  act(() =>
    render(
      <I18nProvider locale="en">
        <SettingsForm settings={settings} onSave={onSave} locked={locked} />
      </I18nProvider>,
      root,
    ),
  );
  return onSave;
}

const select = () => root.querySelector<HTMLSelectElement>('select[name=sendGuard]')!;

function submit() {
  act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
}

describe('guard before sending settings', () => {
  it('shows confirm for settings saved before the guard existed', () => {
    show(SETTINGS);
    expect(select().value).toBe('confirm');
  });

  it('saves the mode the agent picks', () => {
    const onSave = show(SETTINGS);
    act(() => {
      select().value = 'block';
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    submit();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ sendGuard: 'block' }));
  });

  it('shows the policy’s mode, not editable, with the note that the administrator set it', () => {
    show({ ...SETTINGS, sendGuard: 'off' }, ['sendGuard']);
    expect(select().value).toBe('off');
    expect(select().disabled).toBe(true);
    expect(root.querySelector('[data-locked=sendGuard]')?.textContent).toBe('Set by your administrator');
  });
});

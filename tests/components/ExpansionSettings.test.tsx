// @vitest-environment happy-dom
// The `;;` picker's settings in the options form: on/off and the trigger, with "/" and word-like triggers refused before saving.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/common/i18n.tsx';
import { SettingsForm } from '../../components/options/SettingsForm.tsx';
import type { SettingsView } from '../../components/options/types.ts';

let root: HTMLElement;
const SETTINGS: SettingsView = {
  agentName: '小王',
  agentId: '',
  company: '',
  uiLanguage: 'en',
  expansionEnabled: true,
  expansionTrigger: ';;',
};

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

function show(locale: 'en' | 'zh-CN' = 'en') {
  const onSave = vi.fn();
  act(() =>
    render(
      <I18nProvider locale={locale}>
        <SettingsForm settings={SETTINGS} onSave={onSave} />
      </I18nProvider>,
      root,
    ),
  );
  return onSave;
}

function typeTrigger(value: string) {
  const input = root.querySelector<HTMLInputElement>('input[name=expansionTrigger]')!;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function submit() {
  act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
}

describe('expansion settings', () => {
  it('refuses "/" with a message that says why and what to type, and saves nothing', () => {
    const onSave = show();
    typeTrigger('/');
    const alert = root.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('“/”');
    expect(alert.textContent).toContain('1–4 characters');
    expect(root.querySelector('input[name=expansionTrigger]')!.getAttribute('aria-invalid')).toBe('true');
    submit();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves another trigger and the switch', () => {
    const onSave = show();
    typeTrigger(',,');
    expect(root.querySelector('[role=alert]')).toBeNull();
    act(() => root.querySelector<HTMLInputElement>('input[name=expansionEnabled]')!.click());
    submit();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ expansionTrigger: ',,', expansionEnabled: false }));
  });

  it('says it in the UI language', () => {
    show('zh-CN');
    typeTrigger('tk');
    expect(root.querySelector('[role=alert]')!.textContent).toContain('触发符“tk”不可用');
  });
});

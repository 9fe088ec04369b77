// @vitest-environment happy-dom
// Teaching from the side panel: "Not this" beside the detected scenario, the picker of the right one or none, by mouse and keyboard.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/common/i18n.tsx';
import { DetectionSection } from '../../components/panel/DetectionSection.tsx';
import type { DetectionView, TaughtView, TeachView } from '../../components/panel/types.ts';
import type { UiLocale } from '../../utils/i18n.ts';

const DETECTED: DetectionView = {
  messageId: 'm1',
  scenarios: [
    { id: 'account_security', title: '账号安全', confidence: 'likely', tips: [] },
    { id: 'complaint', title: '投诉', confidence: 'possible', tips: [] },
  ],
  emotion: 'calm',
  followUp: false,
  sensitiveKinds: [],
};
const ABSTAINED: DetectionView = { ...DETECTED, messageId: 'm2', scenarios: [] };
const CHOICES = [
  { id: 'account_security', title: '账号安全' },
  { id: 'complaint', title: '投诉' },
  { id: 'staff_complaint', title: '投诉员工' },
];

let host: HTMLElement;
let onNotThis: ReturnType<typeof vi.fn<(id: string) => void>>;
let onTeach: ReturnType<typeof vi.fn<(id: string | null) => void>>;

function show(detection: DetectionView, taught?: TaughtView, locale: UiLocale = 'zh-CN'): void {
  const teach: TeachView = { scenarios: CHOICES, taught, onNotThis, onTeach };
  act(() => {
    render(
      <I18nProvider locale={locale}>
        <DetectionSection
          detection={detection}
          selectedScopeId={null}
          onSelectScenario={() => undefined}
          onSearch={() => undefined}
          teach={teach}
        />
      </I18nProvider>,
      host,
    );
  });
}

const $ = <E extends Element = HTMLElement>(selector: string) => host.querySelector<E>(selector);

function click(element: Element | null): void {
  expect(element).not.toBeNull();
  act(() => (element as HTMLElement).click());
}

function choose(value: string): void {
  const select = $<HTMLSelectElement>('[data-testid=teach-select]')!;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  onNotThis = vi.fn();
  onTeach = vi.fn();
});

afterEach(() => {
  act(() => render(null, host));
  host.remove();
});

describe('teaching from the panel', () => {
  it('says “Not this” to the shown scenario in one click, then offers the others and “no scenario” with the focus on the list', () => {
    show(DETECTED);
    const notThis = $('[data-testid=not-this]')!;
    expect(notThis.textContent).toBe('不是这个');
    expect(notThis.getAttribute('aria-label')).toContain('账号安全');
    click(notThis);
    expect(onNotThis).toHaveBeenCalledWith('account_security');
    show(DETECTED, { notScenario: 'account_security' });
    expect($('[data-testid=teach-status]')?.textContent).toBe('已记下：不是“账号安全”。');
    const select = $<HTMLSelectElement>('[data-testid=teach-select]')!;
    expect(document.activeElement).toBe(select);
    const options = [...select.options].map((o) => o.textContent);
    expect(options).toEqual(['请选择…', '无需场景', '投诉', '投诉员工']);
    expect($<HTMLButtonElement>('[data-testid=teach-save]')!.disabled).toBe(true);
    choose('staff_complaint');
    click($('[data-testid=teach-save]'));
    expect(onTeach).toHaveBeenCalledWith('staff_complaint');
    expect($('[data-testid=teach-picker]')).toBeNull();
  });

  it('lets the agent pick the scenario of a message detection abstained on, or none', () => {
    show(ABSTAINED);
    expect($('[data-testid=not-this]')).toBeNull();
    click($('[data-testid=teach-choose]'));
    choose(':none');
    act(() => {
      $('[data-testid=teach-picker]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onTeach).toHaveBeenCalledWith(null);
    show(ABSTAINED, { scenario: null });
    expect($('[data-testid=teach-status]')?.textContent).toBe('已记住：无需场景。');
    expect($('[data-testid=teach-choose]')?.textContent).toBe('修改');
  });

  it('closes the picker with Esc and gives the focus back', () => {
    show(ABSTAINED);
    const opener = $('[data-testid=teach-choose]')!;
    click(opener);
    act(() => {
      $('[data-testid=teach-select]')!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
    });
    expect($('[data-testid=teach-picker]')).toBeNull();
    expect(document.activeElement).toBe($('[data-testid=teach-choose]'));
    expect(onTeach).not.toHaveBeenCalled();
  });

  it('offers nothing on a bare follow-up, whose scenarios belong to an earlier message', () => {
    show({ ...DETECTED, followUp: true });
    expect($('[data-testid=teach]')).toBeNull();
  });

  it('speaks the agent’s language', () => {
    show(DETECTED, undefined, 'zh-TW');
    expect($('[data-testid=not-this]')?.textContent).toBe('不是這個');
    show({ ...DETECTED, messageId: 'm3' }, undefined, 'en');
    expect($('[data-testid=not-this]')?.textContent).toBe('Not this');
    show(ABSTAINED, undefined, 'en');
    click($('[data-testid=teach-choose]'));
    expect([...$<HTMLSelectElement>('[data-testid=teach-select]')!.options].map((o) => o.textContent)[1]).toBe(
      'None: no scenario needed',
    );
  });
});

// @vitest-environment happy-dom
// My replies on the options page with fake view data: the empty state, a refused save shown at its field with nothing typed lost, read-only under a policy.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/common/i18n.tsx';
import { MyRepliesSection, type MyRepliesSectionProps } from '../../components/options/MyRepliesSection.tsx';

let host: HTMLElement;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  render(null, host);
  host.remove();
});

function props(extra: Partial<MyRepliesSectionProps> = {}): MyRepliesSectionProps {
  return {
    replies: [],
    writable: true,
    keptHere: false,
    scopes: [
      { id: 'return_refund', title: '退款退货', kind: 'scenario' },
      { id: 'stage.closing', title: '结束语', kind: 'stage' },
    ],
    form: null,
    undo: null,
    onNew: vi.fn(),
    onChange: vi.fn(),
    onMove: vi.fn(),
    onDelete: vi.fn(),
    onSave: vi.fn(async () => []),
    onClose: vi.fn(),
    onExport: vi.fn(),
    onUndo: vi.fn(),
    onUndoExpire: vi.fn(),
    ...extra,
  };
}

const show = (view: MyRepliesSectionProps) =>
  act(() => {
    render(
      <I18nProvider locale="zh-CN">
        <MyRepliesSection {...view} />
      </I18nProvider>,
      host,
    );
  });

describe('my replies on the options page', () => {
  it('says how to get a first reply when there is none, and offers New reply', async () => {
    const view = props();
    await show(view);
    expect(host.querySelector('[data-testid="my-replies-empty"]')?.textContent).toContain('新建话术');
    expect(host.querySelector('[data-testid="my-replies-export"]')).toBeNull();
    await act(() => host.querySelector<HTMLButtonElement>('[data-testid="my-reply-new"]')!.click());
    expect(view.onNew).toHaveBeenCalledOnce();
  });

  it('shows a refused save at its field, and keeps what was typed', async () => {
    const onSave = vi.fn(async () => [
      { field: 'shortcut' as const, code: 'shortcutTaken' as const, params: { title: '退款到账' } },
    ]);
    await show(
      props({
        onSave,
        form: { initial: { id: 'n1', title: '', text: '您好', scopes: ['return_refund'] }, editing: false },
      }),
    );
    const shortcut = host.querySelector<HTMLInputElement>('input[name="shortcut"]')!;
    await act(() => {
      shortcut.value = 'tk';
      shortcut.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      host.querySelector<HTMLButtonElement>('[data-testid="my-reply-save"]')!.click();
      await Promise.resolve();
    });
    expect(onSave).toHaveBeenCalledWith({
      id: 'n1',
      title: '',
      text: '您好',
      shortcut: 'tk',
      scopes: ['return_refund'],
    });
    const problem = host.querySelector('[data-testid="my-reply-problem-shortcut"]');
    expect(problem?.textContent).toContain('“退款到账”已经在用这个快捷词');
    expect(shortcut.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector<HTMLInputElement>('input[name="shortcut"]')!.value).toBe('tk');
    // A step is named as one, beside the scenarios.
    expect(host.textContent).toContain('环节：结束语');
  });

  it('under a read-only policy, lists the replies with no way to change them', async () => {
    await show(
      props({
        writable: false,
        replies: [{ id: 'r1', title: '退款到账', text: '{customer}您好', scopeTitles: ['退款退货'] }],
      }),
    );
    expect(host.textContent).toContain('退款到账');
    expect(host.textContent).toContain('团队策略规定个人话术保持不变');
    expect(host.querySelector('[data-testid="my-reply-new"]')).toBeNull();
    expect(host.querySelectorAll('[data-my-reply-id] button')).toHaveLength(0);
    expect(host.querySelector('[data-testid="my-replies-export"]')).not.toBeNull();
  });
});

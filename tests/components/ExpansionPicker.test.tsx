// @vitest-environment happy-dom
// The `;;` picker component: listbox and option roles, the active row, where it opens, and the callbacks (props in, callbacks out).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ExpansionPicker,
  expansionOptionId,
  type ExpansionPickerProps,
} from '../../components/inline/ExpansionPicker.tsx';
import { enExpansion } from '../../locales/en.ts';
import { zhCNExpansion } from '../../locales/zh-CN.ts';
import { zhTWExpansion } from '../../locales/zh-TW.ts';

const ITEMS = [
  {
    key: 'return_refund:timeline',
    title: '告知退款时间',
    text: '您的退款已提交，1-3 个工作日原路退回。',
    scopeTitle: '退货退款',
  },
  { key: 'return_refund:options', title: '退款方案', text: '有两种处理方式，您更倾向哪一种？', scopeTitle: '退货退款' },
];

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

function show(overrides: Partial<ExpansionPickerProps> = {}) {
  const props: ExpansionPickerProps = {
    labels: enExpansion,
    items: ITEMS,
    active: 0,
    query: 'tk',
    caret: { left: 100, top: 200, bottom: 220 },
    viewport: { width: 1000, height: 800 },
    onPick: vi.fn(),
    onHover: vi.fn(),
    ...overrides,
  };
  act(() => render(<ExpansionPicker {...props} />, root));
  return props;
}

describe('ExpansionPicker', () => {
  it('is a labelled listbox of options with the active one selected and referenced', () => {
    show({ active: 1 });
    const list = root.querySelector('[role="listbox"]')!;
    expect(list.getAttribute('aria-label')).toBe(enExpansion.expansionLabel);
    const options = [...root.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(list.getAttribute('aria-activedescendant')).toBe(expansionOptionId(1));
    expect(options[1]!.id).toBe(expansionOptionId(1));
    expect(options[1]!.classList.contains('active')).toBe(true);
    expect(options[0]!.textContent).toContain('告知退款时间');
    expect(options[0]!.textContent).toContain('您的退款已提交');
    expect(root.textContent).toContain(enExpansion.expansionHint);
  });

  it('calls onPick with the row clicked and onHover with the row under the mouse, and keeps the editor focused', () => {
    const props = show();
    const second = root.querySelectorAll<HTMLElement>('[role="option"]')[1]!;
    const mousedown = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    second.dispatchEvent(mousedown);
    expect(mousedown.defaultPrevented).toBe(true);
    act(() => void second.dispatchEvent(new MouseEvent('mouseenter')));
    expect(props.onHover).toHaveBeenCalledWith(1);
    act(() => second.click());
    expect(props.onPick).toHaveBeenCalledWith(1);
  });

  it('says that nothing matches, with the query, in the UI language', () => {
    show({ items: [], query: 'xyz', labels: zhCNExpansion });
    expect(root.querySelector('[role="listbox"]')).toBeNull();
    expect(root.querySelector('[role="status"]')!.textContent).toBe(
      zhCNExpansion.expansionNoMatch.replace('{query}', 'xyz'),
    );
    show({ items: [], query: 'xyz', labels: zhTWExpansion });
    expect(root.querySelector('[role="status"]')!.textContent).toContain('xyz');
  });

  it('opens below the caret, or above it when the caret is near the bottom, and stays inside the viewport', () => {
    show();
    const box = root.querySelector<HTMLElement>('[data-expansion-picker]')!;
    expect(box.style.top).toBe('224px');
    expect(box.style.left).toBe('100px');
    show({ caret: { left: 900, top: 700, bottom: 720 } });
    const above = root.querySelector<HTMLElement>('[data-expansion-picker]')!;
    expect(above.style.bottom).toBe('104px');
    expect(above.style.top).toBe('');
    // 360 wide: pushed left so it does not leave the 1000-pixel viewport.
    expect(above.style.left).toBe('636px');
  });
});

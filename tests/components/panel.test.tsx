// @vitest-environment happy-dom
// The side panel view with fake tab states: what the agent sees, clicks and types, in three UI languages.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/common/i18n.tsx';
import { Panel, type PanelProps } from '../../components/panel/Panel.tsx';
import type { DetectionView, Finding, ReplyView } from '../../components/panel/types.ts';
import type { UiLocale } from '../../utils/i18n.ts';

function replyView(id: string, scopeId: string, text: string, uses = 0): ReplyView {
  return {
    key: `${scopeId}|zh-CN|${id}`,
    id,
    scopeId,
    scopeTitle: scopeId,
    title: id,
    text,
    shown: text,
    locale: 'zh-CN',
    otherLanguage: false,
    uses,
  };
}

const REPLIES: Record<string, ReplyView[]> = {
  return_refund: [
    replyView('return_refund.timeline', 'return_refund', '王女士，您的退款已提交。', 12),
    replyView('return_refund.options', 'return_refund', '有两种处理方式，您更倾向哪一种？'),
    replyView('return_refund.guide', 'return_refund', '请在订单详情页点击“申请售后”。'),
  ],
  complaint: [replyView('complaint.sorry', 'complaint', '非常抱歉给您带来不好的体验。')],
  'stage.hold': [replyView('stage.hold.wait', 'stage.hold', '请您稍等，我帮您核实一下。')],
};

const DETECTION: DetectionView = {
  scenarios: [
    { id: 'return_refund', title: '退货退款', confidence: 'likely', tips: ['提供 2～3 种方案'] },
    { id: 'complaint', title: '投诉', confidence: 'possible', tips: [] },
  ],
  emotion: 'angry',
  followUp: false,
  sensitiveKinds: [],
};

const FINDING: Finding = {
  ruleId: 'refusal.cannot',
  category: 'refusal',
  severity: 'error',
  start: 0,
  end: 3,
  match: '我不能',
  message: '避免直接拒绝：说明能做什么。',
  fix: { start: 0, end: 3, text: '我可以为您' },
};

let host: HTMLElement;
let props: PanelProps;

function baseProps(): PanelProps {
  return {
    status: { kind: 'ready', siteName: 'Demo desk' },
    pinned: false,
    hasComposer: true,
    noteMode: false,
    detection: DETECTION,
    stages: [
      { id: 'stage.opening', title: '开场' },
      { id: 'stage.hold', title: '请稍候' },
    ],
    repliesFor: (scopeId) => REPLIES[scopeId] ?? [],
    search: (query) =>
      Object.values(REPLIES)
        .flat()
        .filter((r) => r.text.includes(query)),
    findings: [],
    draftLength: 0,
    checkedLength: 20_000,
    notice: null,
    command: null,
    suggestionShortcuts: ['Alt+Shift+1', 'Alt+Shift+2', 'Alt+Shift+3'],
    onInsert: vi.fn(),
    onCopy: vi.fn(),
    onApplyFinding: vi.fn(),
    onStartPicker: vi.fn(),
    onEnableSite: vi.fn(),
    onReload: vi.fn(),
    onExportUsage: vi.fn(),
    onResetUsage: vi.fn(),
  };
}

function show(overrides: Partial<PanelProps> = {}, locale: UiLocale = 'zh-CN'): void {
  props = { ...props, ...overrides };
  act(() => {
    render(
      <I18nProvider locale={locale}>
        <Panel {...props} />
      </I18nProvider>,
      host,
    );
  });
}

const $ = <E extends Element = HTMLElement>(selector: string) => host.querySelector<E>(selector);
const $$ = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const text = () => host.textContent ?? '';

function click(element: Element | null): void {
  expect(element).not.toBeNull();
  act(() => (element as HTMLElement).click());
}

function key(target: Element | null, keyName: string, init: KeyboardEventInit = {}): void {
  expect(target).not.toBeNull();
  act(() => {
    target!.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true, ...init }));
  });
}

function type(input: HTMLInputElement, value: string): void {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  props = baseProps();
});

afterEach(() => {
  act(() => render(null, host));
  host.remove();
});

describe('what the agent sees at a glance', () => {
  it('lists the detected scenarios best first with a plain confidence cue, the mood and the tips', () => {
    show();
    expect($$('[data-scenario-id]').map((el) => el.dataset.scenarioId)).toEqual(['return_refund', 'complaint']);
    expect($('[data-scenario-id="return_refund"]')?.textContent).toContain('很可能');
    expect($('[data-scenario-id="complaint"] .chip-cue')?.textContent).toBe('可能');
    expect(text()).not.toMatch(/0\.\d/u);
    expect($('[data-emotion]')?.textContent).toBe('情绪：生气');
    // Tips start folded, one click away in the heading's row; the choice goes to the panel to keep.
    expect($('#scenario-tips')?.hidden).toBe(true);
    const onTipsOpenChange = vi.fn();
    show({ onTipsOpenChange });
    click($('[data-testid="tips-toggle"]'));
    expect(onTipsOpenChange).toHaveBeenCalledWith(true);
    show({ tipsOpen: true });
    expect($('#scenario-tips')?.hidden).toBe(false);
    expect($('#scenario-tips')?.textContent).toContain('提供 2～3 种方案');
    expect($('[data-testid="tips-toggle"]')?.getAttribute('aria-expanded')).toBe('true');
  });

  it("shows the best scenario's replies with uses and the shortcuts of the first three", () => {
    show();
    expect($$('[data-reply-id]').map((el) => el.dataset.replyId)).toEqual([
      'return_refund.timeline',
      'return_refund.options',
      'return_refund.guide',
    ]);
    expect(text()).toContain('用过 12 次');
    expect($$('.shortcut').map((el) => el.textContent)).toEqual(['Alt+Shift+1', 'Alt+Shift+2', 'Alt+Shift+3']);
  });

  it("lists the replies in the conversation's language, the others one click away, all of them when none is", () => {
    const english = { ...replyView('return_refund.en', 'return_refund', 'Sorry about that.'), otherLanguage: true };
    english.locale = 'en';
    show({ repliesFor: (id) => [...(REPLIES[id] ?? []), english] });
    expect($$('[data-reply-id]').map((el) => el.dataset.replyId)).not.toContain('return_refund.en');
    const more = $('[data-testid="show-other-languages"]')!;
    expect(more.textContent).toBe('显示 1 条其他语言的话术');
    click(more);
    expect($$('[data-reply-id]').map((el) => el.dataset.replyId)).toContain('return_refund.en');
    expect($('[data-testid="show-other-languages"]')).toBeNull();
    // A scenario with replies in other languages only shows them rather than nothing.
    show({ repliesFor: () => [english] });
    click($('[data-scenario-id="complaint"]'));
    expect($$('[data-reply-id]').map((el) => el.dataset.replyId)).toEqual(['return_refund.en']);
  });

  it('says when nothing is confident and points to search', () => {
    show({ detection: { ...DETECTION, scenarios: [] } });
    expect($$('[data-scenario-id]')).toHaveLength(0);
    expect($('[data-testid="no-scenario"]')?.textContent).toContain('搜索');
    click($('[data-testid="no-scenario"] button'));
    expect(document.activeElement).toBe($('#phrase-search'));
  });

  it('says when the suggestions come from an earlier turn', () => {
    show({ detection: { ...DETECTION, followUp: true } });
    expect($('[data-testid="follow-up"]')?.textContent).toContain('之前');
  });

  it('keeps a pinned scenario when the next message is about something else, until another conversation', () => {
    const refund: DetectionView = {
      ...DETECTION,
      messageId: 'm1',
      scenarios: [{ id: 'return_refund', title: '退货退款', confidence: 'likely', tips: [] }],
    };
    const waiting: DetectionView = {
      ...DETECTION,
      messageId: 'm2',
      scenarios: [{ id: 'waiting_too_long', title: '等待太久', confidence: 'likely', tips: [] }],
    };
    show({ detection: refund, conversationKey: 'tab1|a' });
    click($('[data-testid="pin-scope"]'));
    expect($('[data-testid="pin-scope"]')?.getAttribute('aria-pressed')).toBe('true');
    show({ detection: waiting });
    expect($('#replies-heading')?.textContent).toContain('退货退款');
    // The new message's scenario is still one click away.
    click($('[data-scenario-id="waiting_too_long"]'));
    expect($('#replies-heading')?.textContent).toContain('等待太久');
    show({ detection: waiting, conversationKey: 'tab1|b' });
    expect($('[data-testid="pin-scope"]')?.getAttribute('aria-pressed')).toBe('false');
    expect($('#replies-heading')?.textContent).toContain('等待太久');
  });

  it('marks the main issue kept beside a short follow-up', () => {
    show({
      detection: {
        ...DETECTION,
        scenarios: [
          { id: 'waiting_too_long', title: '等待太久', confidence: 'likely', tips: [] },
          { id: 'return_refund', title: '退货退款', confidence: 'possible', tips: [], main: true },
        ],
      },
    });
    expect($('[data-scenario-id="return_refund"]')?.textContent).toContain('主要问题');
    expect($('[data-scenario-id="waiting_too_long"]')?.textContent).not.toContain('主要问题');
  });

  it('shows sensitive data only masked, with the reminder not to repeat it', () => {
    show({ detection: { ...DETECTION, sensitiveKinds: ['bank_card'], maskedMessage: '卡号 6222 **** **** 1234' } });
    const notice = $('[data-testid="sensitive"]');
    expect(notice?.textContent).toContain('银行卡号');
    expect(notice?.textContent).toContain('6222 **** **** 1234');
    expect(notice?.textContent).toContain('切勿重复');
  });

  it('says "suspected" of a number shaped like an id whose check digit fails, shown masked all the same', () => {
    show({
      detection: {
        ...DETECTION,
        sensitiveKinds: [],
        suspectedKinds: ['id_card'],
        maskedMessage: '身份证 **************8516',
      },
    });
    const notice = $('[data-testid="sensitive"]');
    expect($('[data-suspected]')?.textContent).toBe('疑似身份证号（校验位不符）');
    expect(notice?.textContent).toContain('**************8516');
  });

  it('renders pack text as text, never as markup', () => {
    show({ repliesFor: () => [replyView('x', 'return_refund', '<img src=x onerror=alert(1)>')] });
    expect($('.reply-text img')).toBeNull();
    expect($('.reply-text')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('page states: never an empty panel', () => {
  it('offers the picker and enabling the site on a page that is not a known helpdesk', () => {
    show({ status: { kind: 'not-helpdesk' }, detection: null });
    const banner = $('[data-testid="status-not-helpdesk"]');
    expect(banner?.textContent).toContain('不是话术认识的客服系统');
    const [picker, enable] = [...banner!.querySelectorAll('button')];
    click(picker!);
    click(enable!);
    expect(props.onStartPicker).toHaveBeenCalledOnce();
    expect(props.onEnableSite).toHaveBeenCalledOnce();
    // Stages and search stay usable.
    expect($$('[data-stage-id]')).toHaveLength(2);
    expect($('#phrase-search')).not.toBeNull();
  });

  it('says when the picked chat area is in use and offers to reset or pick again', () => {
    const onResetPicks = vi.fn();
    show(
      {
        status: { kind: 'ready', siteName: 'Generic', generic: true },
        hasComposer: true,
        picksInUse: true,
        onResetPicks,
      },
      'en',
    );
    const banner = $('[data-testid="status-picks"]');
    expect(banner?.textContent).toContain('the chat area you pointed at');
    // The generic adapter is named in the agent's language, not by its English name.
    expect($('.site-name')?.textContent).toBe('This chat page');
    show({}, 'zh-CN');
    expect($('.site-name')?.textContent).toBe('本聊天页');
    show({}, 'en');
    const [reset, again] = [...banner!.querySelectorAll('button')];
    click(reset!);
    click(again!);
    expect(onResetPicks).toHaveBeenCalledOnce();
    expect(props.onStartPicker).toHaveBeenCalledOnce();
  });

  it('asks for a reload when the content script does not answer, but not on browser pages', () => {
    show({ status: { kind: 'unreachable', restricted: false } }, 'en');
    const banner = $('[data-testid="status-unreachable"]');
    expect(banner?.textContent).toContain('reload the page');
    click(banner!.querySelector('button'));
    expect(props.onReload).toHaveBeenCalledOnce();
    show({ status: { kind: 'unreachable', restricted: true } }, 'en');
    expect($('[data-testid="status-unreachable"] button')).toBeNull();
  });

  it('warns about a missing composer and about note mode, and labels inserting as a note', () => {
    show({ hasComposer: false });
    expect($('[data-testid="status-no-composer"]')).not.toBeNull();
    show({ hasComposer: true, noteMode: true });
    expect($('[data-testid="status-note-mode"]')?.textContent).toContain('内部备注');
    expect($('[data-reply-id="return_refund.timeline"]')?.textContent).toBe('插入备注');
  });
});

describe('acting on replies and findings', () => {
  it('inserts a reply with one click, copies it, and inserts an edited version', () => {
    show();
    click($('[data-reply-id="return_refund.options"]'));
    expect(props.onInsert).toHaveBeenCalledWith(REPLIES.return_refund![1], '有两种处理方式，您更倾向哪一种？');

    const item = $('[data-reply-key="return_refund|zh-CN|return_refund.timeline"]')!;
    const [, copy, edit] = [...item.querySelectorAll('button')];
    click(copy!);
    expect(props.onCopy).toHaveBeenCalledWith('王女士，您的退款已提交。');

    click(edit!);
    const editor = item.querySelector('textarea')!;
    expect(document.activeElement).toBe(editor);
    act(() => {
      editor.value = '王女士，您的退款已提交，请留意短信。';
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    });
    key(editor, 'Enter', { ctrlKey: true });
    expect(props.onInsert).toHaveBeenLastCalledWith(REPLIES.return_refund![0], '王女士，您的退款已提交，请留意短信。');
    expect(item.querySelector('textarea')).toBeNull();
  });

  it('switches to a runner-up scenario and to a stage with one click', () => {
    show();
    click($('[data-scenario-id="complaint"]'));
    expect($$('[data-reply-id]').map((el) => el.dataset.replyId)).toEqual(['complaint.sorry']);
    click($('[data-stage-id="stage.hold"]'));
    expect($$('[data-reply-id]').map((el) => el.dataset.replyId)).toEqual(['stage.hold.wait']);
    expect($('[data-stage-id="stage.hold"]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('lists findings live with their category, message and one-click fix', () => {
    show({
      findings: [
        FINDING,
        { ...FINDING, ruleId: 'contradiction.but', category: 'contradiction', severity: 'info', fix: undefined },
      ],
    });
    expect($$('[data-finding-category]').map((el) => el.dataset.findingCategory)).toEqual(['refusal', 'contradiction']);
    const refusal = $('[data-finding-category="refusal"]')!;
    expect(refusal.textContent).toContain('避免直接拒绝');
    expect(refusal.textContent).toContain('必须修改');
    click(refusal.querySelector('[data-fix-rule]'));
    expect(props.onApplyFinding).toHaveBeenCalledWith(FINDING);
    expect($('[data-finding-category="contradiction"] [data-fix-rule]')).toBeNull();
    show({ findings: [], draftLength: 12 });
    expect($('[data-testid="findings-none"]')?.textContent).toBe('草稿没有问题。');
    show({ findings: [], draftLength: 0 });
    expect($('[data-testid="findings-none"]')).toBeNull();
    expect($('[data-testid="draft-capped"]')).toBeNull();
  });

  it('keeps each finding to one row, worst first, its reason one click away and past two a "more" button', () => {
    const hint = {
      ...FINDING,
      ruleId: 'contradiction.but',
      category: 'contradiction' as const,
      severity: 'info' as const,
    };
    const second = { ...FINDING, ruleId: 'impatience.said', category: 'impatience' as const, start: 8, end: 12 };
    show({ findings: [hint, second, FINDING] });
    // Worst first, then in the draft's order; the hint waits behind "more".
    expect($$('[data-finding-rule]').map((el) => el.dataset.findingRule)).toEqual([FINDING.ruleId, 'impatience.said']);
    const reason = $(`[data-finding-rule="${FINDING.ruleId}"] .finding-message`)!;
    expect(reason.hidden).toBe(true);
    const toggle = $(`[data-finding-rule="${FINDING.ruleId}"] .finding-toggle`)!;
    expect(toggle.getAttribute('title')).toBe(FINDING.message);
    click(toggle);
    expect($(`[data-finding-rule="${FINDING.ruleId}"] .finding-message`)!.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    click($('[data-testid="findings-more"]'));
    expect($$('[data-finding-rule]')).toHaveLength(3);
    expect($('[data-testid="findings-more"]')).toBeNull();
  });

  it('says when a very long draft is checked only in its first characters', () => {
    show({ findings: [], draftLength: 25_000 });
    expect($('[data-testid="draft-capped"]')?.textContent).toBe('草稿太长：只检查了前 20,000 个字。');
    show({ findings: [FINDING], draftLength: 25_000 });
    expect($('[data-testid="draft-capped"]')).not.toBeNull();
  });

  it('shows the result of an action at the bottom, errors as alerts', () => {
    show({ notice: { tone: 'error', text: '没有可插入的回复框。', seq: 1 } });
    const notice = $('.notice-area [data-testid="notice"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toBe('没有可插入的回复框。');
    show({ notice: null });
    expect($('[data-testid="notice"]')).toBeNull();
  });

  it('asks before resetting usage, and exports on one click', () => {
    show();
    click($('[data-action="export-usage"]'));
    expect(props.onExportUsage).toHaveBeenCalledOnce();
    click($('[data-action="reset-usage"]'));
    expect(props.onResetUsage).not.toHaveBeenCalled();
    click($('[data-testid="reset-confirm"] button'));
    expect(props.onResetUsage).toHaveBeenCalledOnce();
  });
});

describe('search and keyboard', () => {
  it('shows results as you type and explains an empty result', () => {
    show();
    const input = $<HTMLInputElement>('#phrase-search')!;
    type(input, '稍等');
    expect($$('[data-reply-id]').map((el) => el.dataset.replyId)).toEqual(['stage.hold.wait']);
    type(input, '不存在的话');
    expect($('[data-testid="search-empty"]')?.textContent).toContain('不存在的话');
    key(input, 'Escape');
    expect(input.value).toBe('');
    expect($$('[data-reply-id]')).toHaveLength(3);
  });

  it('focuses search with / and Ctrl+K, moves through replies with arrows, inserts with Enter', () => {
    show();
    const input = $<HTMLInputElement>('#phrase-search')!;
    const firstInsert = $('[data-reply-id="return_refund.timeline"]')!;
    key(document.body, '/');
    expect(document.activeElement).toBe(input);
    firstInsert.focus();
    key(firstInsert, '/');
    expect(document.activeElement).toBe(input);

    key(input, 'ArrowDown');
    expect(document.activeElement).toBe(firstInsert);
    key(firstInsert, 'ArrowDown');
    expect(document.activeElement).toBe($('[data-reply-id="return_refund.options"]'));
    key(document.activeElement, 'End');
    expect(document.activeElement).toBe($('[data-reply-id="return_refund.guide"]'));
    key(document.activeElement, 'ArrowUp');
    expect(document.activeElement).toBe($('[data-reply-id="return_refund.options"]'));

    key(document.activeElement, 'k', { ctrlKey: true });
    expect(document.activeElement).toBe(input);
    type(input, '稍等');
    key(input, 'Enter');
    expect(props.onInsert).toHaveBeenCalledWith(REPLIES['stage.hold']![0], '请您稍等，我帮您核实一下。');
  });

  it('runs browser commands once each: insert suggestion N, focus search', () => {
    show();
    show({ command: { kind: 'insert-suggestion', index: 1, seq: 1 } });
    expect(props.onInsert).toHaveBeenCalledTimes(1);
    expect(props.onInsert).toHaveBeenCalledWith(REPLIES.return_refund![1], REPLIES.return_refund![1]!.text);
    show({ findings: [FINDING] }); // a re-render with the same command does not insert again
    expect(props.onInsert).toHaveBeenCalledTimes(1);
    show({ command: { kind: 'focus-search', seq: 2 } });
    expect(document.activeElement).toBe($('#phrase-search'));
  });
});

describe('UI languages', () => {
  it('shows the same panel in zh-TW and English from the locale files', () => {
    show({}, 'zh-TW');
    expect($('[data-scenario-id="complaint"]')?.textContent).toContain('可能');
    expect($('#phrase-search')?.getAttribute('placeholder')).toContain('搜尋');
    expect($('[data-reply-id="return_refund.timeline"]')?.textContent).toBe('插入');
    show({}, 'en');
    expect($('[data-scenario-id="return_refund"]')?.textContent).toContain('Very likely');
    expect(text()).toContain('used 12×');
    expect($('[data-reply-id="return_refund.timeline"]')?.textContent).toBe('Insert');
  });
});

describe('before any customer message', () => {
  it('shows the conversation checklist: the score against the pass line, each item and what a missed one cost', () => {
    show({
      checklist: {
        score: 70,
        passScore: 80,
        passed: false,
        items: [
          { id: 'greeting', title: '首次回复有问候', state: 'met', lost: 0 },
          { id: 'no-forbidden', title: '没有发出禁用语', state: 'missed', lost: 20 },
          { id: 'closing', title: '有结束语', state: 'open', lost: 0 },
        ],
      },
    });
    expect($('[data-checklist-score]')?.textContent).toBe('70 分 · 不合格（80 分合格）');
    expect($$('[data-checklist-item]').map((item) => item.dataset.state)).toEqual(['met', 'missed', 'open']);
    expect($('[data-checklist-item="no-forbidden"]')?.textContent).toContain('−20 分');
    expect($('[data-checklist-item="closing"]')?.textContent).toContain('待完成');
    show({ checklist: null });
    expect($('[data-testid="checklist"]')).toBeNull();
  });

  it('shows the stages and a hint instead of an empty list', () => {
    show({ detection: null });
    expect($('[data-testid="no-message"]')).not.toBeNull();
    expect($('[data-testid="pick-scope"]')?.textContent).toContain('服务环节');
    click($('[data-stage-id="stage.hold"]'));
    expect($$('[data-reply-id]').map((el) => el.dataset.replyId)).toEqual(['stage.hold.wait']);
  });
});

// @vitest-environment happy-dom
// The options page with fake view data: what a team lead sees and clicks, and which callbacks fire.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/common/i18n.tsx';
import { OptionsPage, type OptionsPageProps } from '../../components/options/OptionsPage.tsx';
import type { ImportCheckView, PackRowView } from '../../components/options/types.ts';
import type { UiLocale } from '../../utils/i18n.ts';
import { previewImport } from '../../library/library.ts';
import { importCheckView, pastedFileName } from '../../entrypoints/options/view-model.ts';

function row(id: string, extra: Partial<PackRowView> = {}): PackRowView {
  return {
    id,
    name: `Pack ${id}`,
    version: '1.0.0',
    locale: 'zh-CN',
    source: 'builtin',
    scenarios: 3,
    replies: 7,
    rules: 2,
    enabled: true,
    canDisable: true,
    canRemove: false,
    winsOver: [],
    ...extra,
  };
}

const PREVIEW: ImportCheckView = {
  ok: true,
  preview: {
    packId: 'team',
    name: 'Team',
    version: '2.0.0',
    adds: [{ kind: 'scenario', id: 'team_vip' }],
    overrides: [{ kind: 'rule', id: 'zh.refusal.wo-bu-neng', over: ['zh-CN'] }],
    replacesVersion: '1.0.0',
    notices: [],
  },
};

const PROBLEMS: ImportCheckView = {
  ok: false,
  problems: [
    { file: 'pasted.json', line: 5, column: 3, message: 'JSON syntax: expected "," or "}", found """' },
    { file: 'pasted.json', line: 9, column: 14, path: 'scenarios[0].title', message: 'must not be empty' },
  ],
};

let host: HTMLElement;
let props: OptionsPageProps;

function baseProps(): OptionsPageProps {
  return {
    loading: false,
    packs: [
      row('en'),
      row('zh-CN'),
      row('team', {
        source: 'file',
        sourceDetail: 'team.json',
        canRemove: true,
        updatedAt: Date.UTC(2026, 0, 2),
        winsOver: [{ packId: 'zh-CN', count: 4 }],
      }),
      row('hq', { source: 'policy', canDisable: false }),
      row('remote', {
        source: 'url',
        sourceDetail: 'https://example.com/pack.json',
        canRemove: true,
        error: 'the server answered 404 Not Found',
      }),
    ],
    settings: { agentName: '小王', agentId: '1024', company: '', uiLanguage: 'auto' },
    onToggle: vi.fn(),
    onMove: vi.fn(),
    onRemove: vi.fn(),
    onExport: vi.fn(),
    onRefresh: vi.fn(),
    onFetchUrl: vi.fn(async (url: string) => ({
      ok: true as const,
      input: { text: '{}', fileName: 'pack.json', url },
      check: PREVIEW,
    })),
    onCheck: vi.fn(() => PREVIEW),
    onSave: vi.fn(async () => ({ ok: true as const })),
    onSaveSettings: vi.fn(),
    onUndo: vi.fn(),
    onUndoExpire: vi.fn(),
    onExportAll: vi.fn(),
    onImportAll: vi.fn(),
  };
}

function show(next: OptionsPageProps = props, locale: UiLocale = 'en') {
  act(() => {
    render(
      <I18nProvider locale={locale}>
        <OptionsPage {...next} />
      </I18nProvider>,
      host,
    );
  });
}

const $ = (selector: string) => host.querySelector(selector) as HTMLElement;
const buttons = (text: string) => [...host.querySelectorAll('button')].filter((b) => b.textContent === text);

function typeInto(element: HTMLTextAreaElement | HTMLInputElement, value: string) {
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
  });
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  props = baseProps();
});

afterEach(() => {
  render(null, host);
  host.remove();
  vi.useRealTimers();
});

describe('pack list', () => {
  it('lists packs highest priority first, with version, source, counts, date and what each wins over', () => {
    show();
    const ids = [...host.querySelectorAll('[data-pack-id]')].map((li) => li.getAttribute('data-pack-id'));
    expect(ids).toEqual(['remote', 'hq', 'team', 'zh-CN', 'en']);
    const team = $('[data-pack-id="team"]');
    expect(team.textContent).toContain('Pack team');
    expect(team.textContent).toContain('v1.0.0');
    expect(team.textContent).toContain('From file team.json');
    expect(team.textContent).toContain('3 scenarios · 7 replies · 2 rules');
    expect(team.textContent).toMatch(/updated .*2026/);
    expect(team.textContent).toContain('Wins over Pack zh-CN (4)');
    expect($('[data-pack-id="hq"]').textContent).toContain('Set by your administrator');
  });

  it('toggles, moves, exports and removes through callbacks; policy packs have no off switch, built-ins no remove', async () => {
    show();
    const team = $('[data-pack-id="team"]');
    const toggle = team.querySelector('input[type=checkbox]') as HTMLInputElement;
    await act(async () => {
      toggle.checked = false;
      toggle.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(props.onToggle).toHaveBeenCalledWith('team', false);
    await click(team.querySelector('[aria-label="Give Pack team a higher priority"]') as HTMLElement);
    expect(props.onMove).toHaveBeenCalledWith('team', 'up');
    await click(team.querySelector('[aria-label="Export Pack team as JSON"]') as HTMLElement);
    expect(props.onExport).toHaveBeenCalledWith('team');
    await click(team.querySelector('[aria-label="Remove Pack team"]') as HTMLElement);
    expect(props.onRemove).toHaveBeenCalledWith('team');
    expect(($('[data-pack-id="hq"]').querySelector('input[type=checkbox]') as HTMLInputElement).disabled).toBe(true);
    expect($('[data-pack-id="en"]').querySelector('[aria-label="Remove Pack en"]')).toBeNull();
    expect(
      (
        $('[data-pack-id="remote"]').querySelector(
          '[aria-label="Give Pack remote a higher priority"]',
        ) as HTMLButtonElement
      ).disabled,
    ).toBe(true);
    expect(
      ($('[data-pack-id="en"]').querySelector('[aria-label="Give Pack en a lower priority"]') as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it('shows where a subscribed pack comes from, its last error, and refreshes it', async () => {
    show();
    const remote = $('[data-pack-id="remote"]');
    expect(remote.textContent).toContain('From https://example.com/pack.json');
    expect(remote.textContent).toContain('the server answered 404 Not Found');
    await click(remote.querySelector('[aria-label="Fetch Pack remote again from its address"]') as HTMLElement);
    expect(props.onRefresh).toHaveBeenCalledWith('remote');
    expect(
      $('[data-pack-id="team"]').querySelector('[aria-label="Fetch Pack team again from its address"]'),
    ).toBeNull();
  });

  it('renders pack text as text, never as markup', () => {
    props.packs = [row('x', { name: '<img src=x onerror="alert(1)">' })];
    show();
    expect(host.querySelector('img')).toBeNull();
    expect($('[data-pack-id="x"]').textContent).toContain('<img src=x onerror="alert(1)">');
  });
});

describe('adding a pack', () => {
  it('shows every problem with its place and field, and offers no Save', async () => {
    props.onCheck = vi.fn(() => PROBLEMS);
    show();
    typeInto($('[data-testid=pack-paste]') as HTMLTextAreaElement, '{ broken');
    await click($('[data-testid=pack-check]'));
    expect(props.onCheck).toHaveBeenCalledWith({ text: '{ broken' });
    const problems = $('[data-testid=pack-problems]');
    expect(problems.textContent).toContain('2 problem(s) found; nothing was saved');
    expect(problems.textContent).toContain('pasted.json:5:3');
    expect(problems.textContent).toContain('pasted.json:9:14 scenarios[0].title must not be empty');
    expect(host.querySelector('[data-testid=pack-save]')).toBeNull();
  });

  it('shows the problems of a broken paste in the interface language: traditional characters for zh-TW', async () => {
    // The real check the options page runs: the pasted text goes through the engine's parser.
    props.onCheck = vi.fn((input: { text: string }) =>
      importCheckView(previewImport(input.text, pastedFileName(input.text), []), 'en'),
    );
    show(props, 'zh-TW');
    typeInto(
      $('[data-testid=pack-paste]') as HTMLTextAreaElement,
      '{\n  "schemaVersion": 1,\n  "id": "team"\n  "name": "Team"\n}',
    );
    await click($('[data-testid=pack-check]'));
    const problems = $('[data-testid=pack-problems]');
    expect(problems.textContent).toContain('發現 1 個問題');
    expect(problems.textContent).toContain('pasted.json:4:3');
    expect(problems.textContent).toContain('JSON 語法錯誤：這裡應該是 "," 或 "}"，卻遇到"""');
    expect(problems.textContent).not.toMatch(/JSON syntax|语法/u);

    typeInto(
      $('[data-testid=pack-paste]') as HTMLTextAreaElement,
      '{"schemaVersion": 1, "id": "team", "name": "", "version": "1", "locale": "zh-TW"}',
    );
    await click($('[data-testid=pack-check]'));
    // A schema problem keeps its field path as written in the pack.
    expect($('[data-testid=pack-problems]').textContent).toContain('pasted.json:1:44 name 不能空白');
  });

  it('shows what a valid pack still gets wrong without stopping the save (a blank written with an ellipsis)', async () => {
    // The real check the options page runs, on a pack whose reply marks a blank with "……".
    props.onCheck = vi.fn((input: { text: string }) =>
      importCheckView(previewImport(input.text, pastedFileName(input.text), []), 'zh-CN'),
    );
    show(props, 'zh-CN');
    typeInto(
      $('[data-testid=pack-paste]') as HTMLTextAreaElement,
      '{"schemaVersion": 2, "id": "team", "name": "Team", "version": "1", "locale": "zh-CN",\n' +
        ' "scenarios": [{"id": "invoice", "title": "发票", "replies": [{"id": "invoice.t", "text": "一般……个工作日内开好"}]}]}',
    );
    await click($('[data-testid=pack-check]'));
    const notices = $('[data-testid=pack-notices]');
    expect(notices.textContent).toContain('有 1 处需要留意；话术包仍可保存。');
    expect(notices.textContent).toContain('pasted.json:2:92');
    expect(notices.textContent).toContain('[[天数]]');
    expect(host.querySelector('[data-testid=pack-save]')).not.toBeNull();
  });

  it('shows what a valid pack adds and overrides, then saves it with Save', async () => {
    show();
    typeInto($('[data-testid=pack-paste]') as HTMLTextAreaElement, '{"id":"team"}');
    await click($('[data-testid=pack-check]'));
    const preview = $('[data-testid=pack-preview]');
    expect(preview.textContent).toContain('Ready to save “Team” v2.0.0');
    expect(preview.textContent).toContain('Replaces the installed version 1.0.0');
    expect(preview.textContent).toContain('Adds 1');
    expect(preview.textContent).toContain('team_vip');
    expect(preview.textContent).toContain('zh.refusal.wo-bu-neng');
    expect(preview.textContent).toContain('over zh-CN');
    await click($('[data-testid=pack-save]'));
    expect(props.onSave).toHaveBeenCalledWith({ text: '{"id":"team"}' });
    expect($('[data-testid=add-message]').textContent).toContain('“Team” saved.');
    expect(($('[data-testid=pack-paste]') as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps the preview and shows why when saving is refused', async () => {
    props.onSave = vi.fn(async () => ({
      ok: false as const,
      message: 'not saved: only 200 bytes of browser storage is left',
    }));
    show();
    typeInto($('[data-testid=pack-paste]') as HTMLTextAreaElement, '{}');
    await click($('[data-testid=pack-check]'));
    await click($('[data-testid=pack-save]'));
    expect($('[data-testid=add-message]').textContent).toContain('only 200 bytes');
    expect(host.querySelector('[data-testid=pack-preview]')).not.toBeNull();
  });

  it('fetches a pack from an address, previews it and saves it with its address; shows why a fetch failed', async () => {
    show();
    typeInto($('[data-testid=pack-url]') as HTMLInputElement, ' https://example.com/pack.json ');
    await click($('[data-testid=pack-fetch]'));
    expect(props.onFetchUrl).toHaveBeenCalledWith('https://example.com/pack.json');
    expect($('[data-testid=pack-preview]').textContent).toContain('Ready to save “Team” v2.0.0');
    await click($('[data-testid=pack-save]'));
    expect(props.onSave).toHaveBeenCalledWith({
      text: '{}',
      fileName: 'pack.json',
      url: 'https://example.com/pack.json',
    });

    props.onFetchUrl = vi.fn(async () => ({
      ok: false as const,
      message: 'the address returned a web page (HTML), not a pack',
    }));
    show();
    typeInto($('[data-testid=pack-url]') as HTMLInputElement, 'https://example.com/login');
    await click($('[data-testid=pack-fetch]'));
    expect($('[data-testid=add-message]').textContent).toContain('web page (HTML)');
    expect(host.querySelector('[data-testid=pack-preview]')).toBeNull();
  });

  it('reads a chosen file and checks it under its own name; refuses other file types', async () => {
    show();
    const input = $('[data-testid=pack-file]') as HTMLInputElement;
    const choose = async (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 10));
      });
    };
    await choose(new File(['id: team\n'], 'team.yaml'));
    expect(props.onCheck).toHaveBeenCalledWith({ text: 'id: team\n', fileName: 'team.yaml' });
    await choose(new File(['x'], 'team.docx'));
    expect($('[data-testid=add-message]').textContent).toContain('team.docx is not a .json, .yaml, .yml or .csv file');
  });
});

describe('undo, backup and settings', () => {
  it('offers Undo after a removal and lets it expire after 10 seconds', async () => {
    vi.useFakeTimers();
    props.undo = { name: 'Team' };
    show();
    expect($('[data-testid=undo-toast]').textContent).toContain('“Team” removed.');
    await click(buttons('Undo')[0]!);
    expect(props.onUndo).toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(9_000);
    });
    expect(props.onUndoExpire).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1_100);
    });
    expect(props.onUndoExpire).toHaveBeenCalled();
  });

  it('exports everything, restores from a file, and lists the problems of a refused backup', async () => {
    props.notice = {
      tone: 'error',
      text: 'The backup was not restored; nothing changed. Problems:',
      problems: [{ file: 'b.json', path: 'settings.uiLanguage', message: 'expected auto, zh-CN, zh-TW, en' }],
    };
    show();
    await click($('[data-testid=export-all]'));
    expect(props.onExportAll).toHaveBeenCalled();
    const input = $('[data-testid=import-all]') as HTMLInputElement;
    const file = new File(['{}'], 'backup.json');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(props.onImportAll).toHaveBeenCalledWith(file);
    expect($('[data-testid=options-notice]').textContent).toContain('settings.uiLanguage expected auto');
  });

  it('saves the agent details, level and language, trimmed', async () => {
    show();
    typeInto(host.querySelector('input[name=company]') as HTMLInputElement, '  好物商城 ');
    typeInto(host.querySelector('input[name=agentLevel]') as HTMLInputElement, ' 专家 ');
    act(() => {
      const select = host.querySelector('select[name=uiLanguage]') as HTMLSelectElement;
      select.value = 'zh-TW';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(buttons('Save')[0]!);
    expect(props.onSaveSettings).toHaveBeenCalledWith({
      agentName: '小王',
      agentId: '1024',
      company: '好物商城',
      uiLanguage: 'zh-TW',
      customVariables: {},
      agentLevel: '专家',
      agentTeam: '',
    });
  });

  it('keeps what the agent is typing in the settings when the page draws again with the same stored settings', () => {
    show();
    typeInto(host.querySelector('input[name=agentLevel]') as HTMLInputElement, '专家');
    // A pack saved, a notice shown: the page draws again with a new, equal settings object.
    show({ ...props, settings: { ...props.settings } });
    expect((host.querySelector('input[name=agentLevel]') as HTMLInputElement).value).toBe('专家');
    // Settings changed elsewhere (another window, a restore) do replace the form.
    show({ ...props, settings: { ...props.settings, agentLevel: '初级' } });
    expect((host.querySelector('input[name=agentLevel]') as HTMLInputElement).value).toBe('初级');
  });

  it('says a built-in pack’s language once, and shows the id of a pack whose id is not its language', () => {
    show({
      ...props,
      packs: [
        { ...props.packs[0]!, id: 'zh-CN', locale: 'zh-CN' },
        { ...props.packs[0]!, id: 'team', locale: 'zh-CN' },
      ],
    });
    expect($('[data-pack-id="zh-CN"] .pack-id')).toBeNull();
    expect($('[data-pack-id="team"] .pack-id')?.textContent).toBe('team');
  });

  it('speaks the chosen UI language', () => {
    show(props, 'zh-TW');
    expect(host.textContent).toContain('話術包');
    expect($('[data-pack-id="team"]').textContent).toContain('3 個場景 · 7 條話術 · 2 條規則');
    show(props, 'zh-CN');
    expect(host.textContent).toContain('添加话术包');
  });
});

describe('policy problems', () => {
  it('shows what the administrator policy got wrong, as text, and nothing when it applied in full', () => {
    show({
      ...props,
      policyProblems: ['policy packs[0]:1:9 version: expected string, found 5', '<img src=x onerror=alert(1)>'],
    });
    const banner = $('[data-testid=policy-problems]');
    expect(banner.textContent).toContain('could not be applied in full');
    expect(banner.textContent).toContain('policy packs[0]:1:9 version');
    expect(banner.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(banner.querySelector('img')).toBeNull();
    show({ ...props, policyProblems: [] });
    expect($('[data-testid=policy-problems]')).toBeNull();
  });
});

describe('pack variables in the settings', () => {
  it('lists the variables packs define with their label and fallback, and saves the values typed (empty ones left out)', async () => {
    show({
      ...props,
      variables: [
        { name: 'hotline', label: '客服热线', fallback: '400-000-0000' },
        { name: 'storeName', label: '店铺名' },
      ],
    });
    const group = $('[data-testid=pack-variables]');
    expect(group.textContent).toContain('客服热线');
    expect(group.textContent).toContain('{hotline}');
    const hotline = group.querySelector('input[name=variable-hotline]') as HTMLInputElement;
    expect(hotline.placeholder).toBe('400-000-0000');
    typeInto(hotline, ' 400-800-1234 ');
    typeInto(group.querySelector('input[name=variable-storeName]') as HTMLInputElement, '   ');
    await click([...host.querySelectorAll('button[type=submit]')].at(-1) as HTMLElement);
    expect(props.onSaveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ customVariables: { hotline: '400-800-1234' } }),
    );
  });

  it('shows no variables section when no pack defines one', () => {
    show({ ...props, variables: [] });
    expect($('[data-testid=pack-variables]')).toBeNull();
  });
});

describe('settings set by the administrator', () => {
  it('shows them read-only with the reason, leaves the others editable, and still saves', async () => {
    show({
      ...props,
      lockedSettings: ['agentName', 'uiLanguage', 'customVariables'],
      variables: [{ name: 'hotline', label: 'Hotline' }],
    });
    const name = $('input[name=agentName]') as HTMLInputElement;
    const language = $('select[name=uiLanguage]') as HTMLSelectElement;
    expect(name.disabled).toBe(true);
    expect(language.disabled).toBe(true);
    expect(($('[data-testid=pack-variables]') as HTMLFieldSetElement).disabled).toBe(true);
    expect(($('input[name=agentId]') as HTMLInputElement).disabled).toBe(false);
    expect(
      [...host.querySelectorAll('[data-locked]')].map((n) => [n.getAttribute('data-locked'), n.textContent]),
    ).toEqual([
      ['agentName', 'Set by your administrator'],
      ['customVariables', 'Set by your administrator'],
      ['uiLanguage', 'Set by your administrator'],
    ]);
    typeInto($('input[name=agentId]') as HTMLInputElement, '2048');
    await click(buttons('Save')[0]!);
    expect(props.onSaveSettings).toHaveBeenCalledWith(expect.objectContaining({ agentId: '2048', agentName: '小王' }));
  });

  it('says so in traditional Chinese for a Taiwan interface', () => {
    show({ ...props, lockedSettings: ['company'] }, 'zh-TW');
    expect($('[data-locked=company]')?.textContent).toBe('由管理員統一設定');
  });
});

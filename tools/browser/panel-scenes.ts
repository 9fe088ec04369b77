// The side panel's states an agent meets in a day, played on the demo helpdesk: for the 360 px screenshots and the test that measures them.
import type { Page } from 'playwright-core';
import type { Settings, UiLanguage } from '../../utils/storage.ts';

export type PanelLanguage = Exclude<UiLanguage, 'auto'>;

export interface PanelScene {
  /** File-name part and test name. */
  id: string;
  /** What the state shows, for the test's name. */
  what: string;
  customer: Record<PanelLanguage, string>;
  /** The agent's draft, typed into the composer; none: the composer stays empty. */
  draft?: Record<PanelLanguage, string>;
  /** The scenario the panel puts first for the customer's message: the state counts as shown once it does. */
  scenario: string;
  /** The selector that must be on the panel before the state counts as shown. */
  shownWhen: string;
}

/** The narrow width a side panel is often given beside a helpdesk. */
export const NARROW_PANEL = { width: 360, height: 800 } as const;

export const PANEL_SCENES: PanelScene[] = [
  {
    id: 'message',
    what: 'a customer message and its replies',
    customer: {
      'zh-CN': '收到的空气炸锅是坏的，我要退款！！',
      'zh-TW': '收到的氣炸鍋是壞的，我要退款！！',
      en: 'The air fryer arrived broken, I want a refund!!',
    },
    scenario: 'return_refund',
    shownWhen: '[data-reply-id]',
  },
  {
    id: 'busiest',
    what: 'two draft warnings and the sensitive-data notice',
    customer: {
      'zh-CN': '我手机13812345678，身份证110101199003074514，收到的空气炸锅是坏的，马上给我退款，不然我就投诉！！',
      'zh-TW': '我手機0912345678，身分證A123456789，收到的氣炸鍋是壞的，馬上給我退款，不然我就投訴！！',
      en: 'My phone is +1 415 555 0134 and card 4111 1111 1111 1111. The air fryer arrived broken, refund me now or I complain!!',
    },
    draft: {
      'zh-CN': '我不能直接退款，我已经说过了，但是您可以申请售后。',
      'zh-TW': '我不能直接退款，我已經說過了，但是您可以申請售後。',
      en: "I can't refund it directly, as I already said, but you can apply for after-sales.",
    },
    scenario: 'return_refund',
    shownWhen: '[data-finding-category] ~ [data-finding-category]',
  },
  {
    id: 'long-tips',
    what: 'a scenario with long tips',
    customer: {
      'zh-CN': '你们这什么破服务，我要投诉你们，叫你们经理来！',
      'zh-TW': '你們這什麼爛服務，我要投訴你們，叫你們經理來！',
      en: 'This service is a joke. I want to file a complaint and speak to your manager!',
    },
    scenario: 'complaint',
    shownWhen: '#scenario-tips',
  },
];

/** The settings the demo and the screenshots show: the demo shop's agent, so that replies fill their variables. */
const DEMO_SETTINGS: Settings = {
  agentName: '小林',
  agentId: '8021',
  company: '星河商城',
  customVariables: {},
  uiLanguage: 'auto',
  expansionTrigger: ';;',
  expansionEnabled: true,
  sendGuard: 'confirm',
};

/**
 * Stores the demo's settings with the UI language as the options page would, then reloads the panel: a headless
 * browser's own language (`--lang`) does not reliably choose it.
 */
export async function setPanelLanguage(panel: Page, language: PanelLanguage): Promise<void> {
  await panel.evaluate(
    async (changes) => {
      type Area = { get(key: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
      const local = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
      const stored = (await local.get('settings')).settings as object | undefined;
      await local.set({ settings: { ...stored, ...changes } });
    },
    { ...DEMO_SETTINGS, uiLanguage: language } satisfies Settings,
  );
  await panel.reload();
}

/** Plays a scene on the demo desk (cleared first) and waits until the panel shows it. */
export async function playScene(desk: Page, panel: Page, scene: PanelScene, language: PanelLanguage): Promise<void> {
  await desk.evaluate(() => {
    window.huashuDemo.clear();
    window.huashuDemo.clearComposer();
  });
  await desk.evaluate((text) => window.huashuDemo.addMessage('customer', text), scene.customer[language]);
  await panel.waitForFunction(
    (id) => document.querySelector('[data-scenario-id]')?.getAttribute('data-scenario-id') === id,
    scene.scenario,
    { timeout: 10_000 },
  );
  const draft = scene.draft?.[language];
  if (draft !== undefined) {
    await desk.locator('[data-huashu-demo-composer]').first().click();
    await desk.keyboard.type(draft);
  }
  await panel.locator(scene.shownWhen).first().waitFor({ state: 'attached', timeout: 10_000 });
  // Let the last render and any reflow of the lists settle before anything is measured.
  await panel.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Where the top reply's Insert button ends, in CSS pixels from the top of the panel's page. */
export function topInsertBottom(panel: Page): Promise<number> {
  return panel.evaluate(() => {
    const button = document.querySelector('[data-reply-id]');
    if (!button) throw new Error('no reply with an Insert button is shown');
    return button.getBoundingClientRect().bottom + window.scrollY;
  });
}

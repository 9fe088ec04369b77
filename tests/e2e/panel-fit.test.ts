// The side panel at 360 px in real Chromium: in every busy state the top reply's Insert button is on the first 400 px.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension } from '../../tools/browser/extension.ts';
import {
  NARROW_PANEL,
  PANEL_SCENES,
  playScene,
  setPanelLanguage,
  topInsertBottom,
  type PanelLanguage,
} from '../../tools/browser/panel-scenes.ts';
import { openPanelFor } from './pages/panel-page.ts';

/** The first screen of a narrow panel: the top reply must be insertable without scrolling. */
const FIRST_SCREEN = 400;
const LANGUAGES: PanelLanguage[] = ['zh-CN', 'zh-TW', 'en'];

let server: DemoServer;
let browser: { context: BrowserContext; extensionId: string; close(): Promise<void> };
let desk: Page;
let panel: Page;

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
  desk = await browser.context.newPage();
  await desk.goto(`${server.url}?editor=textarea`);
  await desk.evaluate(() => window.huashuDemo.ready);
  panel = await openPanelFor(browser, desk);
  await panel.setViewportSize(NARROW_PANEL);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(LANGUAGES)('the panel at 360 px in %s', (language) => {
  beforeAll(() => setPanelLanguage(panel, language));

  it.each(PANEL_SCENES)('shows the top reply with its Insert button on the first screen: $what', async (scene) => {
    await playScene(desk, panel, scene, language);
    expect(await topInsertBottom(panel)).toBeLessThanOrEqual(FIRST_SCREEN);
    // Nothing is cut off sideways: the page does not scroll horizontally.
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW_PANEL.width);
  });
});

describe('folds the agent opened', () => {
  it('keeps the tips open across messages and panel reloads once the agent opened them', async () => {
    await setPanelLanguage(panel, 'zh-CN');
    const scene = PANEL_SCENES.find((s) => s.id === 'long-tips')!;
    await playScene(desk, panel, scene, 'zh-CN');
    const tips = panel.locator('#scenario-tips');
    expect(await tips.isVisible()).toBe(false);
    await panel.locator('[data-testid="tips-toggle"]').click();
    await tips.waitFor({ state: 'visible', timeout: 5_000 });
    await panel.reload();
    await playScene(desk, panel, PANEL_SCENES[0]!, 'zh-CN');
    await panel.locator('#scenario-tips').waitFor({ state: 'visible', timeout: 5_000 });
    await panel.locator('[data-testid="tips-toggle"]').click();
    await panel.locator('#scenario-tips').waitFor({ state: 'hidden', timeout: 5_000 });
  });

  it('shows the search keys while the search field has focus, over the panel: nothing moves under a click', async () => {
    const hint = panel.locator('#search-hint');
    expect(await hint.isVisible()).toBe(false);
    const before = await topInsertBottom(panel);
    await panel.locator('#phrase-search').focus();
    expect(await hint.isVisible()).toBe(true);
    expect(await topInsertBottom(panel)).toBe(before);
  });
});

// `npm run screenshots`: the side panel on the demo helpdesk in each UI language and both themes, written to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings, UiLanguage } from '../utils/storage.ts';
import { buildExtension, launchWithExtension } from '../tools/browser/extension.ts';
import { openPanel } from './lib/panel-page.ts';
import { startDemoServer } from './serve-demo.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs/screenshots');

/** What the customer says and what the agent is drafting, in the language the panel is shown in. */
const SCENES: Record<Exclude<UiLanguage, 'auto'>, { customer: string; draft: string }> = {
  'zh-CN': { customer: '收到的空气炸锅是坏的，我要退款！！', draft: '我不能直接退款，但是您可以申请售后。' },
  'zh-TW': { customer: '收到的氣炸鍋是壞的，我要退款！！', draft: '我不能直接退款，但是您可以申請售後。' },
  en: {
    customer: 'The air fryer arrived broken, I want a refund!!',
    draft: "I can't refund it directly, as I already said.",
  },
};

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await buildExtension();
  const server = await startDemoServer();
  const browser = await launchWithExtension();
  try {
    for (const [language, scene] of Object.entries(SCENES) as Array<
      [Exclude<UiLanguage, 'auto'>, (typeof SCENES)['en']]
    >) {
      const desk = await browser.context.newPage();
      await desk.goto(`${server.url}?editor=textarea`);
      await desk.evaluate(() => window.huashuDemo.ready);
      await desk.evaluate(() => window.huashuDemo.clear());
      const panel = await openPanel(browser.context, browser.extensionId, desk);
      // The UI language is a setting: store it as the options page would, then reload the panel.
      await panel.evaluate(
        async (settings) => {
          const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } })
            .chrome;
          await api.storage.local.set({ settings });
        },
        {
          agentName: '小林',
          agentId: '8021',
          company: '星河商城',
          customVariables: {},
          uiLanguage: language,
          expansionTrigger: ';;',
          expansionEnabled: true,
          sendGuard: 'confirm',
        } satisfies Settings,
      );
      await panel.reload();
      await desk.evaluate((text) => window.huashuDemo.addMessage('customer', text), scene.customer);
      await panel.locator('[data-scenario-id]').first().waitFor({ timeout: 10_000 });
      await desk.locator('[data-huashu-demo-composer]').first().click();
      await desk.keyboard.type(scene.draft);
      await panel.locator('[data-finding-category]').first().waitFor({ timeout: 10_000 });
      for (const theme of ['light', 'dark'] as const) {
        await panel.emulateMedia({ colorScheme: theme });
        const file = join(outDir, `panel-${language}-${theme}.png`);
        await panel.screenshot({ path: file });
        console.log(`wrote ${file.slice(root.length + 1)}`);
      }
      await panel.close();
      await desk.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

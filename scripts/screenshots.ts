// `npm run screenshots`: the side panel at 360 px on the demo helpdesk, each state in each UI language, the busiest in both themes, written to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension, launchWithExtension } from '../tools/browser/extension.ts';
import {
  NARROW_PANEL,
  PANEL_SCENES,
  playScene,
  setPanelLanguage,
  topInsertBottom,
  type PanelLanguage,
} from '../tools/browser/panel-scenes.ts';
import { openPanel } from './lib/panel-page.ts';
import { startDemoServer } from './serve-demo.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs/screenshots');
const LANGUAGES: PanelLanguage[] = ['zh-CN', 'zh-TW', 'en'];

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await buildExtension();
  const server = await startDemoServer();
  const browser = await launchWithExtension();
  try {
    const desk = await browser.context.newPage();
    await desk.goto(`${server.url}?editor=textarea`);
    await desk.evaluate(() => window.huashuDemo.ready);
    const panel = await openPanel(browser.context, browser.extensionId, desk);
    await panel.setViewportSize(NARROW_PANEL);
    for (const language of LANGUAGES) {
      await setPanelLanguage(panel, language);
      for (const scene of PANEL_SCENES) {
        await playScene(desk, panel, scene, language);
        const themes = scene.id === 'busiest' ? (['light', 'dark'] as const) : (['light'] as const);
        for (const theme of themes) {
          await panel.emulateMedia({ colorScheme: theme });
          // The busiest state keeps the file names the README has always shown; the others are named by state.
          const name = scene.id === 'busiest' ? `panel-${language}-${theme}` : `panel-${language}-${scene.id}`;
          const file = join(outDir, `${name}.png`);
          await panel.screenshot({ path: file });
          const bottom = Math.round(await topInsertBottom(panel));
          console.log(`wrote ${file.slice(root.length + 1)} (top reply's Insert button ends at ${bottom} px)`);
        }
        await panel.emulateMedia({ colorScheme: 'light' });
      }
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

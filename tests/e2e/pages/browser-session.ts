// Browser-test plumbing for composer insertion: builds the test bundles, opens demo pages, runs code in an isolated world like a content script.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../../tools/browser/chromium.ts';
import { startDemoServer, type DemoServer } from '../../../scripts/serve-demo.ts';
import type { ComposerKind, InsertOutcome } from '../../../composer/index.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** An IIFE bundle that leaves no global behind (what the page world sees of it is only what it does). */
async function bundle(entrySource: string): Promise<string> {
  const result = await build({
    absWorkingDir: projectRoot,
    stdin: { contents: entrySource, resolveDir: projectRoot, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

export interface InsertTestEnvironment {
  browser: Browser;
  server: DemoServer;
  harnessScript: string;
  bridgeScript: string;
  close(): Promise<void>;
}

export async function startInsertTestEnvironment(): Promise<InsertTestEnvironment> {
  const executablePath = chromiumPath();
  const [server, harnessScript, bridgeScript] = await Promise.all([
    startDemoServer(),
    bundle(`import './tests/e2e/pages/composer-harness.ts';`),
    // The real entrypoint, started the way WXT's unlisted-script wrapper starts it.
    bundle(`import pageBridge from './entrypoints/page-bridge.ts'; pageBridge.main();`),
  ]);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    server,
    harnessScript,
    bridgeScript,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A demo page with the composer harness loaded in an isolated world, as a content script sees the page. */
export class DemoComposerPage {
  private constructor(
    readonly page: Page,
    readonly kind: ComposerKind,
    private readonly cdp: CDPSession,
    private readonly isolatedContextId: number,
  ) {}

  static async open(
    env: InsertTestEnvironment,
    kind: ComposerKind,
    options: { bridge?: boolean; beforeLoad?: (page: Page) => Promise<void> } = {},
  ): Promise<DemoComposerPage> {
    const page = await env.browser.newPage();
    await options.beforeLoad?.(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${env.server.url}?editor=${kind}`);
    await page.evaluate(() => window.huashuDemo.ready);
    if (errors.length > 0) throw new Error(`the ${kind} demo page threw: ${errors.join('; ')}`);
    const cdp = await page.context().newCDPSession(page);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'huashu-content-script-test',
    })) as { executionContextId: number };
    const composerPage = new DemoComposerPage(page, kind, cdp, executionContextId);
    await composerPage.inContentWorld(env.harnessScript);
    await composerPage.inContentWorld(`huashuComposerHarness.trackCaret(${JSON.stringify(kind)})`);
    if (options.bridge) await composerPage.injectPageBridge(env.bridgeScript);
    return composerPage;
  }

  /** Loads the page bridge into the page's own world from the isolated world, the way the content script does. */
  async injectPageBridge(bridgeScript: string): Promise<void> {
    await this.page.route('**/huashu-test/page-bridge.js', (route) =>
      route.fulfill({ body: bridgeScript, contentType: 'text/javascript' }),
    );
    await this.inContentWorld(`huashuComposerHarness.injectBridge('/huashu-test/page-bridge.js')`);
  }

  /** Evaluates an expression in the isolated world and returns its (awaited) value. */
  async inContentWorld(expression: string): Promise<unknown> {
    const result = (await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: this.isolatedContextId,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (result.exceptionDetails) {
      throw new Error(
        `isolated world: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`,
      );
    }
    return result.result.value;
  }

  insert(text: string): Promise<InsertOutcome> {
    return this.inContentWorld(
      `huashuComposerHarness.insert(${JSON.stringify(this.kind)}, ${JSON.stringify(text)})`,
    ) as Promise<InsertOutcome>;
  }

  replace(start: number, end: number, text: string): Promise<InsertOutcome> {
    return this.inContentWorld(
      `huashuComposerHarness.replace(${JSON.stringify(this.kind)}, ${start}, ${end}, ${JSON.stringify(text)})`,
    ) as Promise<InsertOutcome>;
  }

  readDraft(): Promise<string> {
    return this.inContentWorld(`huashuComposerHarness.read(${JSON.stringify(this.kind)})`) as Promise<string>;
  }

  modelText(): Promise<string> {
    return this.page.evaluate(() => window.huashuDemo.editorModelText());
  }

  /** Sets the draft through the editor's own API (fresh undo history), then waits for the model to hold it. */
  async setDraft(text: string): Promise<void> {
    await this.page.evaluate((draft) => window.huashuDemo.setDraftForTest(draft), text);
    await this.page.waitForFunction((draft) => window.huashuDemo.editorModelText() === draft, text, { timeout: 3_000 });
  }

  /** Puts the caret at the end of the draft with real key presses, then selects `characters` to its left. */
  async selectBeforeEnd(characters: number): Promise<void> {
    await this.page.click('[data-huashu-demo-composer]');
    await this.page.keyboard.press('Control+End');
    for (let step = 0; step < characters; step++) await this.page.keyboard.press('Shift+ArrowLeft');
    // Slate copies the DOM selection into its model at most every 100 ms, later on a busy machine: wait for the model.
    await this.page.waitForFunction(
      (length) => {
        const selected = window.huashuDemo.editorModelSelection();
        return selected === null || Array.from(selected).length === length;
      },
      characters,
      { timeout: 3_000 },
    );
    await this.page.waitForTimeout(150);
  }

  /** A composer the agent has not clicked into since the draft was set: no caret, none remembered. */
  async dropCaret(): Promise<void> {
    await this.page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.getSelection()?.removeAllRanges();
    });
    await this.inContentWorld(`huashuComposerHarness.forgetCaret(${JSON.stringify(this.kind)})`);
    await this.page.waitForTimeout(150);
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
    await this.page.waitForTimeout(100);
  }

  /** The latest copy of the editor's hidden <textarea> (Summernote's form field). */
  hiddenTextareaValue(): Promise<string> {
    return this.page.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea#body')?.value ?? '');
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

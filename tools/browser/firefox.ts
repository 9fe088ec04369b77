// Launches Firefox (Debian's firefox-esr) over WebDriver BiDi with the Firefox build installed, for the Firefox tests.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Firefox found for the Firefox tests. Install it (Debian: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH.',
    );
  }
  return found;
}

/** The internal UUID Firefox gives our add-on: fixed through a preference so the test knows its moz-extension:// origin. */
const EXTENSION_UUID = '3d8b1f6a-5c2e-4f7a-9b1d-2a6c8e4f0b17';

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  /** Opens an extension page (sidepanel.html, options.html…) in a new tab and waits until its body has content. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` in the page until it returns a truthy value (BiDi's navigation events do not cover moz-extension pages). */
export async function pollInPage<T>(page: Page, check: () => T, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await page.evaluate(check);
      if (value) return value as T;
      last = value;
    } catch (error) {
      // The page may be between documents.
      last = error;
    }
    await sleep(100);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
}

/** Headless Firefox with the add-on installed temporarily, as `about:debugging` would. */
export async function launchFirefoxWithExtension(extensionDir: string): Promise<FirefoxWithExtension> {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Lets the test open moz-extension:// pages, which WebDriver BiDi otherwise refuses to navigate to.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }) },
  });
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== addonId) throw new Error(`Firefox installed the add-on as ${installed}, expected ${addonId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${EXTENSION_UUID}`;
  return {
    browser,
    origin,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // The load event of an extension page never reaches BiDi's navigation tracking: start it, then poll.
      void page.goto(`${origin}/${path}`, { waitUntil: 'domcontentloaded', timeout: 5_000 }).catch(() => undefined);
      await pollInPage(
        page,
        () => location.protocol === 'moz-extension:' && (document.body?.childElementCount ?? 0) > 0,
        `${path} to render`,
      );
      return page;
    },
    close: () => browser.close(),
  };
}

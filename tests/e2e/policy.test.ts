// Enterprise policy as an administrator deploys it: a Chromium policy file for the extension's id, read by Chromium, applied by Huashu.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPanel } from '../../scripts/lib/panel-page.ts';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import {
  canWritePolicies,
  CHROMIUM_POLICY_DIR as POLICY_DIR,
  createPolicyDir,
} from '../../tools/browser/policy-dir.ts';

// Only probed here: the folder is created in beforeAll and removed in afterAll (tools/browser/policy-dir.ts).
const writable = canWritePolicies();
if (!writable)
  console.warn(`[policy.test] ${POLICY_DIR} is not writable (not root): the real policy file test is skipped.`);

/** Chromium's id of an unpacked extension: the SHA-256 of its directory path, first 32 hex digits written a–p. */
function unpackedExtensionId(dir: string): string {
  return [...createHash('sha256').update(dir).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

const POLICY_PACK = {
  schemaVersion: 1,
  id: 'hq-policy',
  name: 'HQ policy pack',
  version: '3.1.0',
  locale: 'zh-CN',
  scenarios: [
    {
      id: 'return_refund',
      title: '退货退款',
      triggers: ['退款'],
      replies: [{ id: 'hq.refund', text: '总部统一口径：退款将在三个工作日内原路退回。' }],
    },
  ],
};

let extensionDir: string;
let policyFile: string;
let browser: ExtensionBrowser;
let worker: Worker;
let server: DemoServer;
let removePolicyDir: (() => void) | undefined;

beforeAll(async () => {
  if (!writable) return;
  const built = await buildExtension();
  // A copy of its own: its id differs from every other test's, so this policy can never reach them.
  extensionDir = realpathSync(mkdtempSync(join(tmpdir(), 'huashu-policy-')));
  cpSync(built, extensionDir, { recursive: true });
  const id = unpackedExtensionId(extensionDir);
  removePolicyDir = createPolicyDir(POLICY_DIR);
  policyFile = join(POLICY_DIR, `huashu-e2e-${id}.json`);
  const policy = {
    '3rdparty': {
      extensions: {
        [id]: { packs: [JSON.stringify(POLICY_PACK)], settings: { agentName: '总部小王', company: '星河商城' } },
      },
    },
  };
  writeFileSync(policyFile, JSON.stringify(policy, null, 2));
  [browser, server] = await Promise.all([launchWithExtension(extensionDir), startDemoServer()]);
  expect(browser.extensionId).toBe(id);
  worker = browser.context.serviceWorkers()[0]!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (policyFile) rmSync(policyFile, { force: true });
  removePolicyDir?.();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

const local = (keys: string[]) =>
  worker.evaluate(
    async (wanted) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local.get(wanted),
    keys,
  );

describe.skipIf(!writable)('a policy file deployed for the extension', () => {
  it('reaches the extension through Chromium, validated against its managed_schema', async () => {
    const managed = () =>
      worker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.managed.get(null),
      );
    await expect
      .poll(managed, { timeout: 10_000 })
      .toEqual({ packs: [JSON.stringify(POLICY_PACK)], settings: { agentName: '总部小王', company: '星河商城' } });
  });

  it('installs the pack as a policy pack and sets the settings', async () => {
    await expect
      .poll(async () => (await local(['policyStatus'])).policyStatus, { timeout: 10_000 })
      .toMatchObject({ packIds: ['hq-policy'], lockedSettings: ['agentName', 'company'], problems: [] });
    expect((await local(['settings'])).settings).toMatchObject({ agentName: '总部小王', company: '星河商城' });
  });

  it('shows the pack as set by the administrator, locked, and the locked settings read-only', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const row = options.locator('[data-pack-id="hq-policy"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('Set by your administrator');
    expect(await row.locator('input[type="checkbox"]').isDisabled()).toBe(true);
    expect(await row.getByRole('button', { name: /remove/i }).count()).toBe(0);
    const name = options.locator('input[name="agentName"]');
    expect(await name.inputValue()).toBe('总部小王');
    expect(await name.isDisabled()).toBe(true);
    expect(await options.locator('[data-locked="company"]').textContent()).toBe('Set by your administrator');
    expect(await options.locator('input[name="agentId"]').isDisabled()).toBe(false);
    await options.close();
  });

  it("puts the policy pack's reply in the panel for a customer on the demo helpdesk", async () => {
    const desk: Page = await browser.context.newPage();
    await desk.goto(`${server.url}?editor=textarea`);
    await desk.evaluate(() => window.huashuDemo.ready);
    const panel = await openPanel(browser.context, browser.extensionId, desk);
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '收到的鞋子是坏的，我要退款'));
    await expect
      .poll(() => panel.locator('[data-scenario-id]').first().getAttribute('data-scenario-id'), { timeout: 10_000 })
      .toBe('return_refund');
    await expect
      .poll(() => panel.locator('.reply .reply-text').allTextContents(), { timeout: 10_000 })
      .toContain('总部统一口径：退款将在三个工作日内原路退回。');
    await panel.close();
    await desk.close();
  });
});

// @vitest-environment happy-dom
// Keeps sites/ honest: every adapter is registered, has a fixture naming its source and a test, and is picked on its page.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS, hostMatchPatterns, pickAdapter } from '../../sites/registry.ts';
import type { SiteAdapter } from '../../sites/types.ts';
import { FIXTURE_DIR, fixtureHtml, fixturePages, loadFixture } from './load-fixture.ts';

const SITES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sites');
const TESTS_DIR = dirname(fileURLToPath(import.meta.url));

/** Modules in sites/ that are not helpdesk adapters: the contract, the registry, the guessing adapter, helpers, the demo. */
function isAdapterModule(file: string): boolean {
  if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return false;
  if (['types.ts', 'registry.ts', 'selector.ts', 'demo.ts', 'dom-text.ts', 'match-pattern.ts'].includes(file))
    return false;
  return !file.startsWith('generic');
}

const ADAPTER_FILES = readdirSync(SITES_DIR).filter(isAdapterModule).sort();

function isSiteAdapter(value: unknown): value is SiteAdapter {
  return (
    typeof value === 'object' &&
    value !== null &&
    'detect' in value &&
    'readMessages' in value &&
    'findComposer' in value
  );
}

async function adaptersExportedBy(file: string): Promise<SiteAdapter[]> {
  const module: Record<string, unknown> = await import(join(SITES_DIR, file));
  return Object.values(module).filter(isSiteAdapter);
}

/** Hosted URLs to check pickAdapter with; self-hosted-only products are found on any host by their DOM. */
const SAMPLE_URLS: Readonly<Record<string, string>> = {
  chatwoot: 'https://app.chatwoot.com/app/accounts/3/conversations/42',
  zammad: 'https://acme.zammad.com/#ticket/zoom/31002',
  freescout: 'https://help.example.org/conversation/1187',
  zendesk: 'https://acme.zendesk.com/agent/tickets/5121',
  crisp: 'https://app.crisp.chat/website/8c842203/inbox/session_700c65e1/',
  bytedesk: 'https://www.weiyuai.cn/agent/chat',
  livehelperchat: 'https://kefu.example.cn/index.php/site_admin/chat/dashboard#!#chat-id-1202',
  // The workbench frame of a self-hosted 春松客服.
  cskefu: 'https://kf.example.cn/agent/index.html',
};

describe('site registry', () => {
  it('finds the adapter modules', () => {
    expect(ADAPTER_FILES).toEqual(
      expect.arrayContaining(['bytedesk.ts', 'chatwoot.ts', 'crisp.ts', 'freescout.ts', 'zammad.ts', 'zendesk.ts']),
    );
  });

  it.each(ADAPTER_FILES)('%s is registered, has a fixture and a test', async (file) => {
    const adapters = await adaptersExportedBy(file);
    expect(adapters.length, `${file} exports no SiteAdapter`).toBeGreaterThan(0);
    for (const adapter of adapters) {
      expect(SITE_ADAPTERS, `${adapter.id} is not in SITE_ADAPTERS`).toContain(adapter);
      expect(existsSync(join(FIXTURE_DIR, `${adapter.id}.html`)), `no fixture ${adapter.id}.html`).toBe(true);
    }
    expect(existsSync(join(TESTS_DIR, file.replace(/\.ts$/, '.test.ts'))), `no test for ${file}`).toBe(true);
  });

  it('has unique adapter ids', () => {
    const ids = SITE_ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(fixturePages())('fixture %s names its source on the first line', (file) => {
    const firstLine = fixtureHtml(file.replace(/\.html$/, '')).split('\n')[0] ?? '';
    expect(firstLine).toMatch(/^<!-- Source: .{20,} -->$/);
  });

  it.each(fixturePages())('fixture %s works as a standalone page', (file) => {
    const html = fixtureHtml(file.replace(/\.html$/, ''));
    // Opened from disk in a browser: nothing runs and nothing loads from the network, yet the agent can type.
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\/[^"]*\.(js|css|woff2?)"/i);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('textarea, [contenteditable="true"]')).not.toBeNull();
  });

  it.each(Object.entries(SAMPLE_URLS))('picks the %s adapter on its fixture', (id, url) => {
    const doc = loadFixture(id);
    expect(pickAdapter(doc, url)?.id).toBe(id);
    // Self-hosted: same page on an unknown host.
    expect(pickAdapter(doc, 'https://support.example.net/any/path')?.id).toBe(id);
  });

  it('lists every hosted product pattern once', () => {
    const patterns = hostMatchPatterns();
    expect(patterns).toEqual(
      expect.arrayContaining([
        'https://app.chatwoot.com/*',
        'https://*.zammad.com/*',
        'https://*.zendesk.com/*',
        'https://app.crisp.chat/*',
        'https://www.weiyuai.cn/agent/*',
      ]),
    );
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});

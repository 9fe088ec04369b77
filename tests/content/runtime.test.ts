// @vitest-environment happy-dom
// The content runtime on an unknown chat page: starts when the agent's picks are saved, and stops when the site is turned off.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startContentRuntime } from '../../content/runtime.ts';
import { sitePreferencesItem } from '../../utils/storage.ts';

function page(): void {
  document.body.innerHTML = `
    <div class="app">
      <section class="flow"><div class="row">Hi, where is my order?</div><div class="row">Let me check.</div></section>
      <div class="ipt" contenteditable="true"></div>
    </div>`;
}

beforeEach(() => {
  // The fake browser has no interface language of its own.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

describe('content runtime', () => {
  it('starts on the picked elements once the picks are saved, and stops when the site is turned off', async () => {
    page();
    const ctx = new ContentScriptContext('test');
    const runtime = startContentRuntime(ctx);
    await expect.poll(() => runtime.state.site).toBeNull();
    await sitePreferencesItem.setValue({
      [location.host]: { enabled: true, messageListSelector: 'section.flow', composerSelector: 'div.ipt' },
    });
    await expect.poll(() => runtime.state.site?.id).toBe('generic');
    expect(runtime.state.active).toBe(true);
    await sitePreferencesItem.setValue({ [location.host]: { enabled: false } });
    await expect.poll(() => runtime.state.active).toBe(false);
    expect(runtime.state.site?.id).toBe('generic');
    runtime.stop();
    expect(document.querySelector('huashu-root')).toBeNull();
  });
});

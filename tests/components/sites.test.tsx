// @vitest-environment happy-dom
// The options page's Sites section: what the agent sees for each site, and which callbacks its buttons fire.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/common/i18n.tsx';
import { SitesSection, type SitesSectionProps } from '../../components/options/SitesSection.tsx';
import type { UiLocale } from '../../utils/i18n.ts';

let host: HTMLElement;

function props(extra: Partial<SitesSectionProps> = {}): SitesSectionProps {
  return {
    sites: [
      { host: 'acme.zendesk.com', scheme: 'https', builtIn: true, state: 'off', picks: false },
      { host: 'chat.acme.com:8080', scheme: 'http', builtIn: false, state: 'on', picks: true },
      { host: 'gone.acme.com', scheme: 'https', builtIn: false, state: 'needs-access', picks: false },
    ],
    builtInSites: ['*.zendesk.com', 'app.crisp.chat', 'localhost'],
    onAddSite: vi.fn(async () => ({ ok: true as const })),
    onTurnOn: vi.fn(async () => ({ ok: true as const })),
    onTurnOff: vi.fn(async () => ({ ok: true as const })),
    onForget: vi.fn(async () => ({ ok: true as const })),
    onForgetPicks: vi.fn(async () => ({ ok: true as const })),
    ...extra,
  };
}

function show(value: SitesSectionProps, locale: UiLocale = 'en') {
  act(() => {
    render(
      <I18nProvider locale={locale}>
        <SitesSection {...value} />
      </I18nProvider>,
      host,
    );
  });
}

const row = (site: string) => host.querySelector(`[data-site="${site}"]`) as HTMLElement;
const action = (site: string, name: string) => row(site).querySelector(`[data-action="${name}"]`) as HTMLButtonElement;

async function settle(run: () => void) {
  await act(async () => {
    run();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function typeAddress(value: string) {
  const input = host.querySelector('input[name="site-address"]') as HTMLInputElement;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return input;
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('SitesSection', () => {
  it('says what to do when no site is remembered, and names the built-in helpdesks', () => {
    show(props({ sites: [] }));
    expect(host.querySelector('[data-testid="sites-empty"]')?.textContent).toContain('type its address below');
    expect(host.querySelector('[data-testid="built-in-sites"]')?.textContent).toContain(
      '*.zendesk.com, app.crisp.chat, localhost',
    );
  });

  it('shows each site with its state and the action that changes it', () => {
    show(props());
    expect(row('acme.zendesk.com').dataset.siteState).toBe('off');
    expect(row('acme.zendesk.com').textContent).toContain('built in');
    expect(action('acme.zendesk.com', 'turn-on').textContent).toBe('Turn on');
    expect(action('chat.acme.com:8080', 'turn-off').textContent).toBe('Turn off');
    expect(row('chat.acme.com:8080').textContent).toContain('chat area pointed at');
    expect(action('chat.acme.com:8080', 'forget-picks')).not.toBeNull();
    expect(action('gone.acme.com', 'turn-on').textContent).toBe('Allow access');
    expect(row('gone.acme.com').textContent).toContain('access to this site was taken away');
    expect(action('gone.acme.com', 'forget').getAttribute('aria-label')).toContain('gone.acme.com');
  });

  it('fires the callbacks with the site, its scheme kept for turning it on again', async () => {
    const value = props();
    show(value);
    await settle(() => action('chat.acme.com:8080', 'turn-off').click());
    expect(value.onTurnOff).toHaveBeenCalledWith('chat.acme.com:8080');
    await settle(() => action('gone.acme.com', 'turn-on').click());
    expect(value.onTurnOn).toHaveBeenCalledWith({ host: 'gone.acme.com', scheme: 'https' });
    await settle(() => action('chat.acme.com:8080', 'forget-picks').click());
    expect(value.onForgetPicks).toHaveBeenCalledWith('chat.acme.com:8080');
    await settle(() => action('acme.zendesk.com', 'forget').click());
    expect(value.onForget).toHaveBeenCalledWith('acme.zendesk.com');
  });

  it('shows a refused change under its own site', async () => {
    show(
      props({
        onTurnOn: vi.fn(async () => ({
          ok: false as const,
          message: 'The browser did not give access to gone.acme.com.',
        })),
      }),
    );
    await settle(() => action('gone.acme.com', 'turn-on').click());
    expect(row('gone.acme.com').querySelector('[role="alert"]')?.textContent).toBe(
      'The browser did not give access to gone.acme.com.',
    );
    expect(row('chat.acme.com:8080').querySelector('[role="alert"]')).toBeNull();
  });

  it('adds a site by its address: the typed text goes to the action, a problem stays beside the field with the text kept', async () => {
    const onAddSite = vi.fn(async (address: string) =>
      address === 'hello' ? { ok: false as const, message: '“hello” is not a web address.' } : { ok: true as const },
    );
    show(props({ onAddSite }));
    const input = typeAddress('hello');
    await settle(() => (host.querySelector('[data-testid="add-site"]') as HTMLButtonElement).click());
    expect(onAddSite).toHaveBeenCalledWith('hello');
    expect(host.querySelector('[data-testid="site-add-problem"]')?.textContent).toBe('“hello” is not a web address.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('hello');
    typeAddress('support.acme.com');
    await settle(() => (host.querySelector('[data-testid="add-site"]') as HTMLButtonElement).click());
    expect(onAddSite).toHaveBeenLastCalledWith('support.acme.com');
    expect(host.querySelector('[data-testid="site-add-problem"]')).toBeNull();
    expect(input.value).toBe('');
  });

  it('speaks traditional Chinese in a Taiwan interface', () => {
    show(props(), 'zh-TW');
    expect(host.querySelector('#sites-heading')?.textContent).toBe('網站');
    expect(action('gone.acme.com', 'turn-on').textContent).toBe('授予存取權限');
  });
});

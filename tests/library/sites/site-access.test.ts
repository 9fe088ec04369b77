// Addresses the agent types, the access asked for them, and the rows of the options page's Sites section.
import { describe, expect, it } from 'vitest';
import {
  builtInSiteNames,
  hostnameOf,
  originPatternFor,
  parseSiteAddress,
  patternCoversHost,
  siteRows,
  sitePartsOf,
} from '../../../library/sites/site-access.ts';

const BUILT_IN = ['https://*.zendesk.com/*', 'https://app.crisp.chat/*', 'http://localhost/*', 'http://127.0.0.1/*'];

describe('parseSiteAddress', () => {
  it.each([
    ['https://support.acme.com', 'support.acme.com', 'https:'],
    ['  support.acme.com/agent/conversations/12 ', 'support.acme.com', 'https:'],
    ['http://intranet.acme.local:8080/chat', 'intranet.acme.local:8080', 'http:'],
    ['helpdesk.acme.com:8443', 'helpdesk.acme.com:8443', 'https:'],
    ['localhost:3000', 'localhost:3000', 'https:'],
    ['HTTPS://Support.Acme.COM/', 'support.acme.com', 'https:'],
    ['https://客服.例子.中国', 'xn--ubtq9x.xn--fsqu00a.xn--fiqs8s', 'https:'],
  ])('reads %j as host %s', (input, host, protocol) => {
    const parsed = parseSiteAddress(input);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.url.host).toBe(host);
      expect(parsed.url.protocol).toBe(protocol);
    }
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['hello', 'not-an-address'],
    ['support acme com', 'not-an-address'],
    ['https://', 'not-an-address'],
    ['ftp://files.acme.com', 'not-web'],
    ['file:///etc/passwd', 'not-web'],
    ['javascript:alert(1)', 'not-web'],
    ['chrome://extensions', 'not-web'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseSiteAddress(input)).toEqual({ ok: false, reason });
  });
});

describe('origin patterns', () => {
  it('asks for the host name without its port, in the scheme the site uses', () => {
    expect(originPatternFor(sitePartsOf(new URL('http://support.acme.test:8080/x')))).toBe(
      'http://support.acme.test/*',
    );
    expect(originPatternFor({ host: 'support.acme.com', scheme: 'https' })).toBe('https://support.acme.com/*');
    expect(originPatternFor({ host: '[::1]:8080', scheme: 'http' })).toBe('http://[::1]/*');
  });

  it('strips ports from host keys', () => {
    expect(hostnameOf('a.example:8443')).toBe('a.example');
    expect(hostnameOf('a.example')).toBe('a.example');
    expect(hostnameOf('[::1]:80')).toBe('[::1]');
  });

  it('knows which patterns cover a host', () => {
    expect(patternCoversHost('https://*.zendesk.com/*', 'acme.zendesk.com')).toBe(true);
    expect(patternCoversHost('https://*.zendesk.com/*', 'zendesk.com')).toBe(true);
    expect(patternCoversHost('https://*.zendesk.com/*', 'evilzendesk.com')).toBe(false);
    expect(patternCoversHost('https://*.zendesk.com/*', 'zendesk.com.evil.test')).toBe(false);
    expect(patternCoversHost('http://localhost/*', 'localhost:3000')).toBe(true);
    expect(patternCoversHost('http://support.acme.test/*', 'support.acme.test:8080')).toBe(true);
    expect(patternCoversHost('https://*/*', 'anything.example')).toBe(true);
    expect(patternCoversHost('<all_urls>', 'anything.example')).toBe(false);
  });
});

describe('siteRows', () => {
  it('lists remembered sites with their state, sorted by host', () => {
    const rows = siteRows(
      {
        'support.acme.com': { enabled: true, scheme: 'https' },
        'acme.zendesk.com': { enabled: false },
        'gone.acme.com': { enabled: true },
        'chat.acme.com:8080': { enabled: true, scheme: 'http', messageListSelector: '#list' },
        'localhost:3000': { enabled: true },
      },
      ['https://support.acme.com/*', 'http://chat.acme.com/*'],
      BUILT_IN,
    );
    expect(rows).toEqual([
      { host: 'acme.zendesk.com', scheme: 'https', builtIn: true, state: 'off', picks: false },
      { host: 'chat.acme.com:8080', scheme: 'http', builtIn: false, state: 'on', picks: true },
      { host: 'gone.acme.com', scheme: 'https', builtIn: false, state: 'needs-access', picks: false },
      { host: 'localhost:3000', scheme: 'https', builtIn: true, state: 'on', picks: false },
      { host: 'support.acme.com', scheme: 'https', builtIn: false, state: 'on', picks: false },
    ]);
  });

  it('is empty before the agent turned anything on or off', () => {
    expect(siteRows({}, ['https://packs.acme.com/*'], BUILT_IN)).toEqual([]);
  });

  it('names the built-in sites once each', () => {
    expect(builtInSiteNames([...BUILT_IN, 'https://*.zendesk.com/*'])).toEqual([
      '*.zendesk.com',
      '127.0.0.1',
      'app.crisp.chat',
      'localhost',
    ]);
  });
});

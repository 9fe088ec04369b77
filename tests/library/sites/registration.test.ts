// Which granted origins get the content script registered: single sites switched on, never built-ins or wildcards.
import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: {} }));
vi.mock('../../../utils/storage.ts', () => ({ sitePreferencesItem: {} }));
const { hostOfOrigin, wantedOrigins } = await import('../../../library/sites/registration.ts');

describe('site script registration', () => {
  it('reads the host of a single-site origin pattern only', () => {
    expect(hostOfOrigin('https://support.example.com/*')).toBe('support.example.com');
    expect(hostOfOrigin('http://huashu-test.localhost:8080/*')).toBe('huashu-test.localhost:8080');
    expect(hostOfOrigin('https://*/*')).toBeNull();
  });

  it('wants granted origins whose host is switched on, skipping built-ins, wildcards and switched-off hosts', () => {
    const granted = [
      'http://localhost/*',
      'https://*/*',
      'https://a.example/*',
      'https://b.example/*',
      'https://c.example/*',
    ];
    const prefs = { 'a.example': { enabled: true }, 'b.example': { enabled: false }, localhost: { enabled: true } };
    expect(wantedOrigins(granted, prefs, new Set(['http://localhost/*']))).toEqual(['https://a.example/*']);
  });
});

describe('site script registration across ports', () => {
  it('registers a port-less grant for a site switched on with its port, and not for another host', () => {
    const granted = ['http://support.acme.test/*', 'https://other.example/*'];
    const prefs = { 'support.acme.test:8080': { enabled: true }, 'other.example': { enabled: false } };
    expect(wantedOrigins(granted, prefs, new Set())).toEqual(['http://support.acme.test/*']);
  });
});

// Match patterns are read in one place for the registry, site access and registration.
import { describe, expect, it } from 'vitest';
import { parseMatchPattern, patternHostCovers } from '../../sites/match-pattern.ts';

describe('match patterns', () => {
  it('reads scheme, host and path', () => {
    expect(parseMatchPattern('https://*.zendesk.com/*')).toEqual({
      scheme: 'https',
      host: '*.zendesk.com',
      path: '/*',
    });
    expect(parseMatchPattern('*://localhost:8080/agent/*')).toEqual({
      scheme: '*',
      host: 'localhost:8080',
      path: '/agent/*',
    });
    expect(parseMatchPattern('<all_urls>')).toBeNull();
    expect(parseMatchPattern('https://example.com')).toBeNull();
    expect(parseMatchPattern('chrome://extensions/*')).toBeNull();
  });

  it('covers a host by wildcard, subdomain or name, without case', () => {
    expect(patternHostCovers('*', 'anything.test')).toBe(true);
    expect(patternHostCovers('*.zendesk.com', 'acme.zendesk.com')).toBe(true);
    expect(patternHostCovers('*.zendesk.com', 'zendesk.com')).toBe(true);
    expect(patternHostCovers('*.zendesk.com', 'notzendesk.com')).toBe(false);
    expect(patternHostCovers('Support.Acme.com', 'support.acme.com')).toBe(true);
    expect(patternHostCovers('support.acme.com', 'acme.com')).toBe(false);
  });
});

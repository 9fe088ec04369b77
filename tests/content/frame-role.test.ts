// @vitest-environment happy-dom
// The quick look a frame below the top page gets: only a frame where a helpdesk adapter finds a conversation starts Huashu.
import { describe, expect, it } from 'vitest';
import { frameHoldsConversation, isTopFrame } from '../../content/frame-role.ts';
import { loadFixture } from '../sites/load-fixture.ts';

describe('frameHoldsConversation', () => {
  it('passes the cskefu workbench page, which the console shows in a frame', () => {
    expect(frameHoldsConversation(loadFixture('cskefu', '/agent/index.html'))).toBe(true);
  });

  it('fails an ad, an empty page and an editor body, which are left alone', () => {
    document.body.innerHTML = '<a href="https://ads.example.com/"><img src="/banner.png" alt="广告"></a>';
    expect(frameHoldsConversation(document)).toBe(false);
    document.body.innerHTML = '';
    expect(frameHoldsConversation(document)).toBe(false);
    // KindEditor's own frame: a body with the draft, no conversation.
    document.body.innerHTML = '您好，我不能帮你处理<br>';
    expect(frameHoldsConversation(document)).toBe(false);
  });

  it('knows the top page from a frame', () => {
    expect(isTopFrame(window)).toBe(true);
    expect(isTopFrame({ top: {} } as unknown as Window)).toBe(false);
  });
});

// The remembered caret: kept when the selection leaves the composer, dropped when the editor replaces those nodes.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { forgetCaret, rememberedCaret, trackCaret } from '../../composer/caret-memory.ts';

function select(node: Node, start: number, end: number): void {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

describe('caret memory', () => {
  it('keeps the last caret inside the composer after the selection moves out', () => {
    document.body.innerHTML =
      '<div id="composer" contenteditable="true"><p>请您稍等片刻</p></div><p id="elsewhere">消息列表</p>';
    const composer = document.getElementById('composer')!;
    const stop = trackCaret(composer);
    const text = composer.querySelector('p')!.firstChild!;
    select(text, 4, 6);
    select(document.getElementById('elsewhere')!.firstChild!, 0, 2);
    const caret = rememberedCaret(composer)!;
    expect(caret.toString()).toBe('片刻');
    stop();
  });

  it('returns nothing once the editor replaced the nodes, or after forgetting', () => {
    document.body.innerHTML = '<div id="composer" contenteditable="true"><p>您好</p></div>';
    const composer = document.getElementById('composer')!;
    const stop = trackCaret(composer);
    select(composer.querySelector('p')!.firstChild!, 0, 1);
    expect(rememberedCaret(composer)).not.toBeNull();
    forgetCaret(composer);
    expect(rememberedCaret(composer)).toBeNull();
    select(composer.querySelector('p')!.firstChild!, 0, 1);
    composer.innerHTML = '<p>新的草稿</p>';
    expect(rememberedCaret(composer)).toBeNull();
    stop();
  });
});

// The draft watcher: a lint as each keystroke's input event ends, once for a burst, again at the frame if the editor changed the text, none inside an IME composition.
// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/types.ts';
import { demoAdapter } from '../../sites/demo.ts';
import { watchDraft, type DraftWatcher } from '../../content/draft-watcher.ts';

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 150));

let linted: string[];
let watcher: DraftWatcher;
let textarea: HTMLTextAreaElement;

function type(text: string, init: InputEventInit = {}): void {
  textarea.value += text;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, data: text, ...init }));
}

beforeEach(() => {
  document.body.innerHTML =
    '<main id="conversation" data-conversation-id="c1"><ol id="message-list"></ol><section id="composer"><textarea data-huashu-demo-composer="textarea"></textarea></section><input id="search"></main>';
  textarea = document.querySelector('textarea')!;
  linted = [];
  watcher = watchDraft({
    findComposer: () => demoAdapter.findComposer(document),
    lint: (draft): Finding[] => {
      linted.push(draft);
      return [];
    },
    onLint: () => undefined,
  });
});

afterEach(() => watcher.stop());

describe('watchDraft', () => {
  it('lints once for a burst of input events in one task, and not again at the frame when nothing changed', async () => {
    for (const character of '我不能帮您') type(character);
    await nextFrame();
    expect(linted).toEqual(['我不能帮您']);
  });

  it('lints a keystroke as its input event ends, before any timer or frame', async () => {
    type('我');
    await Promise.resolve();
    expect(linted).toEqual(['我']);
  });

  it('reads the draft again at the next frame when the editor changed it after the input event', async () => {
    type('我');
    await Promise.resolve();
    // An editor that renders its model later in the task, with no input event of its own.
    textarea.value = '我不';
    await nextFrame();
    expect(linted).toEqual(['我', '我不']);
  });

  it('after a slow lint (a pasted page), lints at the frame, not at every keystroke', async () => {
    watcher.stop();
    watcher = watchDraft({
      findComposer: () => demoAdapter.findComposer(document),
      lint: (draft): Finding[] => {
        linted.push(draft);
        const until = performance.now() + 10;
        while (performance.now() < until) {
          // A lint as slow as one of a very long draft.
        }
        return [];
      },
      onLint: () => undefined,
    });
    type('长');
    await nextFrame();
    expect(linted).toEqual(['长']);
    type('文');
    await Promise.resolve();
    expect(linted).toEqual(['长']);
    await nextFrame();
    expect(linted).toEqual(['长', '长文']);
  });

  it('does not lint inside an IME composition, and lints once when it ends', async () => {
    textarea.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    type('w', { isComposing: true });
    type('o', { isComposing: true });
    await nextFrame();
    expect(linted).toEqual([]);
    textarea.value = '我';
    textarea.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '我' }));
    await nextFrame();
    expect(linted).toEqual(['我']);
  });

  it('ignores typing outside the composer', async () => {
    const search = document.getElementById('search') as HTMLInputElement;
    search.value = '不归我管';
    search.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await nextFrame();
    expect(linted).toEqual([]);
  });

  it('follows a composer the page re-rendered', async () => {
    const fresh = document.createElement('textarea');
    fresh.dataset.huashuDemoComposer = 'textarea';
    textarea.replaceWith(fresh);
    textarea = fresh;
    type('您好');
    await nextFrame();
    expect(linted).toEqual(['您好']);
    expect(watcher.composer?.element).toBe(fresh);
  });
});

describe('watchDraft note mode', () => {
  it('notices the switch to an internal note after the click that made it', async () => {
    const changes: (boolean | undefined)[] = [];
    const noteWatcher = watchDraft({
      findComposer: () => demoAdapter.findComposer(document),
      lint: () => [],
      onLint: () => undefined,
      onComposerChange: (composer) => changes.push(composer?.noteMode),
    });
    // The page's own handler switches the mode during the click, after Huashu's capture listener has run.
    const button = document.createElement('button');
    button.addEventListener('click', () => document.getElementById('composer')!.classList.add('is-note'));
    document.body.append(button);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    noteWatcher.stop();
    expect(changes).toEqual([false, true]);
  });
});

describe('watchDraft with an editor in a frame of its own', () => {
  it('hears typing in the editor frame’s document (KindEditor), which never reaches the page’s', async () => {
    const frame = document.createElement('iframe');
    const editorDoc = document.implementation.createHTMLDocument('');
    editorDoc.designMode = 'on';
    Object.defineProperty(frame, 'contentDocument', { value: editorDoc });
    const drafts: string[] = [];
    const framed = watchDraft({
      findComposer: () => ({ element: frame, kind: 'designmode', noteMode: false }),
      lint: (draft): Finding[] => {
        drafts.push(draft);
        return [];
      },
      onLint: () => undefined,
    });
    try {
      document.body.append(frame);
      editorDoc.body.textContent = '我不能';
      editorDoc.body.dispatchEvent(new InputEvent('input', { bubbles: true, data: '能' }));
      await nextFrame();
      expect(drafts).toEqual(['我不能']);
    } finally {
      framed.stop();
      frame.remove();
    }
  });
});

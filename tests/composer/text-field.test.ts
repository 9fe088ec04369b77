// Text fields without execCommand (happy-dom has none): the native value setter path that React-controlled fields need.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { insertText, readDraft, replaceRange } from '../../composer/insert.ts';
import { composerError, describeComposerError, type ComposerErrorCode } from '../../composer/errors.ts';

/** A refused insertion as insert.ts reports it: the error as data and its English text. */
const refused = (
  reason: 'no-composer' | 'failed',
  code: ComposerErrorCode,
  params?: Record<string, string | number>,
) => ({
  ok: false,
  reason,
  error: composerError(code, params),
  message: describeComposerError(composerError(code, params), 'en'),
});

/** Mimics React's value tracking: an own `value` property that swallows writes React did not make itself. */
function reactLikeTextarea(initial: string): {
  field: HTMLTextAreaElement;
  inputEvents: string[];
  ownSetterWrites: string[];
} {
  const field = document.createElement('textarea');
  document.body.replaceChildren(field);
  field.value = initial;
  const prototypeValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
  const ownSetterWrites: string[] = [];
  Object.defineProperty(field, 'value', {
    configurable: true,
    get() {
      return prototypeValue.get!.call(this);
    },
    set(value: string) {
      ownSetterWrites.push(value);
      prototypeValue.set!.call(this, value);
    },
  });
  const inputEvents: string[] = [];
  field.addEventListener('input', () => inputEvents.push(prototypeValue.get!.call(field) as string));
  return { field, inputEvents, ownSetterWrites };
}

describe('insertText into a textarea', () => {
  it('writes through the prototype setter and fires input, replacing the selection', async () => {
    const { field, inputEvents, ownSetterWrites } = reactLikeTextarea('您好，稍等');
    field.focus();
    field.setSelectionRange(3, 5);
    const outcome = await insertText(field, 'textarea', '马上为您处理');
    expect(outcome).toEqual({ ok: true, method: 'value-setter' });
    expect(field.value).toBe('您好，马上为您处理');
    expect(inputEvents).toEqual(['您好，马上为您处理']);
    // React ignores writes through its own tracker property; the prototype setter is what makes onChange fire.
    expect(ownSetterWrites).toEqual([]);
    expect(field.selectionStart).toBe('您好，马上为您处理'.length);
  });

  it('keeps line breaks in a textarea and flattens them in an input', async () => {
    const { field } = reactLikeTextarea('');
    await insertText(field, 'textarea', '第一行\r\n第二行');
    expect(field.value).toBe('第一行\n第二行');
    const input = document.createElement('input');
    document.body.append(input);
    await insertText(input, 'input', '第一行\n第二行');
    expect(input.value).toBe('第一行 第二行');
  });

  it('refuses a read-only field with a message for the agent', async () => {
    const { field } = reactLikeTextarea('已发送');
    field.readOnly = true;
    expect(await insertText(field, 'textarea', '再次')).toEqual(refused('failed', 'notEditable'));
  });

  it('reports a detached composer as missing', async () => {
    const field = document.createElement('textarea');
    expect(await insertText(field, 'textarea', '你好')).toEqual(refused('no-composer', 'detached'));
  });
});

describe('replaceRange in a textarea', () => {
  it('replaces exactly the span readDraft offsets point at', async () => {
    const { field } = reactLikeTextarea('这个问题我们不清楚');
    const draft = readDraft(field, 'textarea');
    const start = draft.indexOf('不清楚');
    expect(await replaceRange(field, 'textarea', start, start + 3, '正在核实')).toMatchObject({ ok: true });
    expect(field.value).toBe('这个问题我们正在核实');
  });

  it('rejects a span outside the draft instead of guessing', async () => {
    const { field } = reactLikeTextarea('短');
    expect(await replaceRange(field, 'textarea', 0, 5, '长')).toEqual(
      refused('failed', 'rangeOutOfDraft', { start: 0, end: 5, length: 1 }),
    );
    expect(await replaceRange(field, 'textarea', 1, 0, 'x')).toMatchObject({ ok: false, reason: 'failed' });
    expect(field.value).toBe('短');
  });
});

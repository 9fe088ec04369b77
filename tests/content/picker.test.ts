// @vitest-environment happy-dom
// The element picker: its transitions (hover, widen/narrow, two picks, cancel) and the DOM driver's mouse and keyboard paths.
import { afterEach, describe, expect, it } from 'vitest';
import { createGenericAdapter } from '../../sites/generic.ts';
import { initialPickerState, pickerReducer, runElementPicker, type PickerState } from '../../content/picker.ts';
import { createUiHost } from '../../content/ui-host.ts';

const LABELS = { list: 'pick list', composer: 'pick composer' };

function page(): void {
  document.body.innerHTML = `
    <div class="app">
      <section class="thread"><div class="bubble from-visitor">Hi, where is my order?</div><div class="bubble from-staff">Let me check.</div></section>
      <footer class="editor-wrap"><textarea class="reply"></textarea></footer>
    </div>`;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('pickerReducer', () => {
  it('widens to the parent, narrows to the first child, and never widens to <body>', () => {
    page();
    const bubble = document.querySelector('.bubble')!;
    let state: PickerState = pickerReducer(initialPickerState, { type: 'hover', target: bubble });
    state = pickerReducer(state, { type: 'widen' });
    expect(state.highlighted).toBe(document.querySelector('.thread'));
    state = pickerReducer(state, { type: 'widen' });
    expect(state.highlighted).toBe(document.querySelector('.app'));
    state = pickerReducer(state, { type: 'widen' });
    expect(state.highlighted).toBe(document.querySelector('.app'));
    state = pickerReducer(state, { type: 'narrow' });
    expect(state.highlighted).toBe(document.querySelector('.thread'));
  });

  it('takes the list first, then the composer, with selectors that find them again', () => {
    page();
    let state = pickerReducer(initialPickerState, { type: 'pick' });
    expect(state).toBe(initialPickerState);
    state = pickerReducer(state, { type: 'hover', target: document.querySelector('.thread')! });
    state = pickerReducer(state, { type: 'pick' });
    expect(state.step).toBe('composer');
    expect(document.querySelector(state.listSelector!)).toBe(document.querySelector('.thread'));
    state = pickerReducer(state, { type: 'hover', target: document.querySelector('.reply')! });
    state = pickerReducer(state, { type: 'pick' });
    expect(state.step).toBe('done');
    expect(document.querySelector(state.composerSelector!)).toBe(document.querySelector('.reply'));
    expect(pickerReducer(state, { type: 'cancel' })).toBe(state);
  });

  it('cancel ends the picking without selectors', () => {
    page();
    const state = pickerReducer(
      pickerReducer(initialPickerState, { type: 'hover', target: document.body.firstElementChild! }),
      { type: 'cancel' },
    );
    expect(state.step).toBe('cancelled');
    expect(state.listSelector).toBeUndefined();
  });
});

describe('runElementPicker', () => {
  it('picks by mouse, keeps the click from the page, and removes its overlay', async () => {
    page();
    let pageSawClick = false;
    document.querySelector('.thread')!.addEventListener('click', () => (pageSawClick = true));
    const host = createUiHost(document);
    const picking = runElementPicker(document, host, LABELS);
    // The overlay's host says nothing to the page: no attribute but its own layout.
    expect(host.layer('element-picker').childElementCount).toBe(1);
    expect(document.querySelector('huashu-root')?.getAttributeNames()).toEqual(['style']);
    const thread = document.querySelector('.thread')!;
    thread.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    thread.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(document.querySelector('huashu-root')?.getAttributeNames()).toEqual(['style']);
    document.querySelector('.reply')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    const result = await picking;
    expect(pageSawClick).toBe(false);
    expect(host.layer('element-picker').childElementCount).toBe(0);
    host.remove();
    // The picks drive the generic adapter: its list and composer are the picked ones.
    const adapter = createGenericAdapter(result!);
    expect(adapter.findMessageList(document)).toBe(thread);
    expect(adapter.findComposer(document)?.element).toBe(document.querySelector('.reply'));
  });

  it('picks by keyboard (arrow up widens, Enter picks) and Esc cancels', async () => {
    page();
    const host = createUiHost(document);
    const keyboard = runElementPicker(document, host, LABELS);
    document.querySelector('.bubble')!.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(await keyboard).toBeNull();

    const again = runElementPicker(document, host, LABELS);
    document.querySelector('.bubble')!.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    document.querySelector('.editor-wrap')!.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const result = await again;
    expect(document.querySelector(result!.messageListSelector)).toBe(document.querySelector('.thread'));
    // A picked wrapper counts: the adapter types into the editable inside it.
    expect(createGenericAdapter(result!).findComposer(document)?.element).toBe(document.querySelector('.reply'));
    host.remove();
  });
});

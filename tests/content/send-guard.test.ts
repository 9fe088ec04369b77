// @vitest-environment happy-dom
// The guard before sending's decision: which keys and clicks are sends, and when one is stopped (error findings, by mode).
import { describe, expect, it } from 'vitest';
import { decideSend, keyFacts, type SendGuardFacts, type SendKeyFacts } from '../../content/send-guard.ts';
import type { Finding } from '../../engine/types.ts';

const finding = (severity: Finding['severity'], ruleId = `rule.${severity}`): Finding => ({
  ruleId,
  category: 'rejection',
  severity,
  start: 0,
  end: 5,
  match: '爱找谁找谁',
  message: '赌气式的回应等于把客户赶走。',
  fix: { start: 0, end: 5, text: '您的意见我已经记录' },
});
const ERROR = finding('error');
const WARNING = finding('warning');

const key = (facts: Partial<SendKeyFacts> = {}): SendGuardFacts['attempt'] => ({
  kind: 'key',
  facts: {
    key: 'Enter',
    keyCode: 13,
    isComposing: false,
    repeat: false,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...facts,
  },
});

const facts = (patch: Partial<SendGuardFacts> = {}): SendGuardFacts => ({
  attempt: key(),
  mode: 'confirm',
  findings: [ERROR],
  enterSends: true,
  pickerTakesEnter: false,
  guardOpen: false,
  ...patch,
});

const verdict = (patch: Partial<SendGuardFacts>) => decideSend(facts(patch)).verdict;

describe('decideSend', () => {
  it('stops Enter where Enter sends, Ctrl+Enter and Cmd+Enter everywhere, and the send button, on an error finding', () => {
    expect(decideSend(facts())).toEqual({ verdict: 'block', errors: [ERROR], canSendAnyway: true });
    expect(verdict({ attempt: key({ ctrlKey: true }), enterSends: false })).toBe('block');
    expect(verdict({ attempt: key({ metaKey: true }), enterSends: false })).toBe('block');
    expect(verdict({ attempt: { kind: 'button' }, enterSends: false })).toBe('block');
  });

  it('lets a plain Enter through where it starts a new line', () => {
    expect(decideSend(facts({ enterSends: false }))).toEqual({ verdict: 'pass', reason: 'not-a-send' });
  });

  it('never takes an input method’s Enter (isComposing, or key code 229)', () => {
    expect(decideSend(facts({ attempt: key({ isComposing: true }) }))).toEqual({
      verdict: 'pass',
      reason: 'composing',
    });
    expect(decideSend(facts({ attempt: key({ keyCode: 229, key: 'Process' }) }))).toEqual({
      verdict: 'pass',
      reason: 'composing',
    });
    expect(verdict({ attempt: key({ keyCode: 229, ctrlKey: true }) })).toBe('pass');
  });

  it('leaves Shift+Enter (a new line), Alt+Enter and other keys alone', () => {
    expect(verdict({ attempt: key({ shiftKey: true }) })).toBe('pass');
    expect(verdict({ attempt: key({ shiftKey: true, ctrlKey: true }) })).toBe('pass');
    expect(verdict({ attempt: key({ altKey: true }) })).toBe('pass');
    expect(verdict({ attempt: key({ key: 'a', keyCode: 65 }) })).toBe('pass');
  });

  it('leaves Enter to the ;; picker while it has rows, but still guards its send button', () => {
    expect(decideSend(facts({ pickerTakesEnter: true }))).toEqual({ verdict: 'pass', reason: 'picker' });
    expect(verdict({ pickerTakesEnter: true, attempt: { kind: 'button' } })).toBe('block');
  });

  it('lets a clean draft or one with warnings only through', () => {
    expect(decideSend(facts({ findings: [] }))).toEqual({ verdict: 'pass', reason: 'clean' });
    expect(verdict({ findings: [WARNING, finding('info')] })).toBe('pass');
  });

  it('stops only on the error findings, and lists them alone', () => {
    const decision = decideSend(facts({ findings: [WARNING, ERROR] }));
    expect(decision).toEqual({ verdict: 'block', errors: [ERROR], canSendAnyway: true });
  });

  it('does nothing when the mode is off', () => {
    expect(decideSend(facts({ mode: 'off' }))).toEqual({ verdict: 'pass', reason: 'off' });
    expect(verdict({ mode: 'off', attempt: { kind: 'button' } })).toBe('pass');
  });

  it('confirm: a second send while the guard shows the findings goes through; a held-down Enter’s repeat does not', () => {
    expect(decideSend(facts({ guardOpen: true }))).toEqual({ verdict: 'pass', reason: 'confirmed' });
    expect(verdict({ guardOpen: true, attempt: { kind: 'button' } })).toBe('pass');
    expect(verdict({ guardOpen: true, attempt: key({ repeat: true }) })).toBe('block');
  });

  it('block: no send anyway, however often the agent sends', () => {
    expect(decideSend(facts({ mode: 'block' }))).toEqual({ verdict: 'block', errors: [ERROR], canSendAnyway: false });
    expect(verdict({ mode: 'block', guardOpen: true })).toBe('block');
    expect(verdict({ mode: 'block', guardOpen: true, attempt: { kind: 'button' } })).toBe('block');
  });

  it('reads the facts off a keyboard event', () => {
    const event = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, shiftKey: false, repeat: true });
    expect(keyFacts(event)).toMatchObject({
      key: 'Enter',
      ctrlKey: true,
      shiftKey: false,
      repeat: true,
      metaKey: false,
    });
  });
});

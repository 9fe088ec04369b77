// The guard before sending: stops a send (Enter where it sends, Ctrl/Cmd+Enter, the helpdesk's send button) while the draft has an error finding, shows the findings with their fix, and lets a second send or "send anyway" through once.
import { h, render } from 'preact';
import { SEND_GUARD_CSS, SendGuard } from '../components/inline/SendGuard.tsx';
import type { Finding } from '../engine/types.ts';
import type { ComposerInfo, SiteAdapter } from '../sites/types.ts';
import { editableElementFor } from '../composer/index.ts';
import type { SendGuardMode } from '../utils/storage.ts';
import { applyFix } from './inline-warnings.ts';
import { pageTexts } from './page-texts.ts';
import { duringSession } from './tab-store.ts';
import { uiLocaleOf, type Tab } from './tab.ts';

/** What a keydown says about sending, read off the event (a pure record, so the decision can be tested alone). */
export interface SendKeyFacts {
  key: string;
  keyCode: number;
  isComposing: boolean;
  repeat: boolean;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

type SendAttempt = { kind: 'key'; facts: SendKeyFacts } | { kind: 'button' };

export interface SendGuardFacts {
  attempt: SendAttempt;
  mode: SendGuardMode;
  /** The draft's findings now (already those that apply to a reply or a note). */
  findings: readonly Finding[];
  /** A plain Enter sends in this composer (the adapter says so, or it is a single-line input). */
  enterSends: boolean;
  /** The `;;` picker has rows: Enter picks one. */
  pickerTakesEnter: boolean;
  /** The guard is showing these findings with "send anyway": the agent has seen them. */
  guardOpen: boolean;
}

export type SendDecision =
  | { verdict: 'pass'; reason: 'not-a-send' | 'composing' | 'picker' | 'off' | 'clean' | 'confirmed' }
  | { verdict: 'block'; errors: Finding[]; canSendAnyway: boolean };

/** Whether the key is a send in this composer, and not an input method's Enter, a new line or the picker's. */
function keyReason(facts: SendKeyFacts, enterSends: boolean, pickerTakesEnter: boolean): SendDecision | null {
  // 229 is the key code of every key an input method takes; isComposing is set while a candidate is being chosen.
  if (facts.isComposing || facts.keyCode === 229) return { verdict: 'pass', reason: 'composing' };
  if (facts.key !== 'Enter' || facts.shiftKey || facts.altKey) return { verdict: 'pass', reason: 'not-a-send' };
  if (pickerTakesEnter) return { verdict: 'pass', reason: 'picker' };
  if (!facts.ctrlKey && !facts.metaKey && !enterSends) return { verdict: 'pass', reason: 'not-a-send' };
  return null;
}

/** The decision for one send attempt: let it through, or stop it and show the error findings. */
export function decideSend(facts: SendGuardFacts): SendDecision {
  if (facts.attempt.kind === 'key') {
    const early = keyReason(facts.attempt.facts, facts.enterSends, facts.pickerTakesEnter);
    if (early) return early;
  }
  if (facts.mode === 'off') return { verdict: 'pass', reason: 'off' };
  const errors = facts.findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return { verdict: 'pass', reason: 'clean' };
  const canSendAnyway = facts.mode !== 'block';
  // A held-down Enter repeats: only a new press is the agent's second decision.
  const repeat = facts.attempt.kind === 'key' && facts.attempt.facts.repeat;
  if (canSendAnyway && facts.guardOpen && !repeat) return { verdict: 'pass', reason: 'confirmed' };
  return { verdict: 'block', errors, canSendAnyway };
}

export function keyFacts(event: KeyboardEvent): SendKeyFacts {
  return {
    key: event.key,
    keyCode: event.keyCode,
    isComposing: event.isComposing,
    repeat: event.repeat,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
  };
}

/** How the key that was stopped is named to the agent ("press Enter again"). */
function keyLabel(facts: SendKeyFacts, isMac: boolean): string {
  if (facts.metaKey) return isMac ? '⌘+Enter' : 'Meta+Enter';
  return facts.ctrlKey ? 'Ctrl+Enter' : 'Enter';
}

interface Stopped {
  composer: ComposerInfo;
  errors: Finding[];
  canSendAnyway: boolean;
  attempt: SendAttempt;
  /** Where the stopped key went, to send it again there. */
  target: HTMLElement;
}

export function startSendGuard(tab: Tab): () => void {
  const { doc, store } = tab;
  const win = doc.defaultView ?? window;
  const container = tab.host.layer('send-guard', SEND_GUARD_CSS);
  const isMac = /Mac|iPhone|iPad/u.test(win.navigator.platform);

  return duringSession(store, (adapter: SiteAdapter) => {
    let stopped: Stopped | null = null;
    // Set only while Huashu itself sends again (synchronously): that one event goes through untouched.
    let replaying = false;

    function draw(): void {
      if (!stopped) {
        render(null, container);
        return;
      }
      try {
        const editable = editableElementFor(stopped.composer.element, stopped.composer.kind);
        const box = editable.getBoundingClientRect();
        const attempt = stopped.attempt;
        render(
          h(SendGuard, {
            labels: pageTexts(uiLocaleOf(tab)).guard,
            findings: stopped.errors,
            canSendAnyway: stopped.canSendAnyway,
            sendKey: attempt.kind === 'key' ? keyLabel(attempt.facts, isMac) : null,
            composer: { left: box.left, top: box.top, width: box.width, bottom: box.bottom },
            viewport: { width: win.innerWidth, height: win.innerHeight },
            onApply,
            onSendAnyway: sendAnyway,
            onClose: close,
          }),
          container,
        );
      } catch (error) {
        console.error('[huashu] drawing the guard before sending failed', error);
      }
    }

    function close(): void {
      if (!stopped) return;
      stopped = null;
      draw();
    }

    function onApply(finding: Finding): void {
      const fix = finding.fix;
      if (!fix) return;
      applyFix(tab, fix.start, fix.end, fix.text).catch((error: unknown) =>
        console.error('[huashu] applying the suggestion failed', error),
      );
    }

    /** The agent chose to send as it is: the same gesture again, which the helpdesk's own send answers. */
    function sendAnyway(): void {
      const current = stopped;
      if (!current?.canSendAnyway) return;
      close();
      replaying = true;
      try {
        if (current.attempt.kind === 'button') {
          adapter.findSendButton?.(doc)?.click();
        } else {
          const { facts } = current.attempt;
          const target = current.target.isConnected
            ? current.target
            : editableElementFor(current.composer.element, current.composer.kind);
          target.dispatchEvent(
            new KeyboardEvent('keydown', {
              key: 'Enter',
              code: 'Enter',
              keyCode: 13,
              which: 13,
              ctrlKey: facts.ctrlKey,
              metaKey: facts.metaKey,
              bubbles: true,
              cancelable: true,
              composed: true,
            }),
          );
        }
      } finally {
        replaying = false;
      }
    }

    /** The draft's findings as of now: a key pressed within the frame after typing must not be judged on older ones. */
    function freshFindings(): readonly Finding[] {
      store.get().draft?.lintNow();
      return store.get().view.findings;
    }

    function judge(attempt: SendAttempt, composer: ComposerInfo, event: Event, target: HTMLElement): void {
      const { settings, expansionTakesEnter } = store.get();
      const mode = settings.sendGuard ?? 'confirm';
      const enterSends = adapter.enterSends?.(doc, composer) ?? composer.kind === 'input';
      const base = { attempt, mode, enterSends, pickerTakesEnter: expansionTakesEnter, guardOpen: false };
      // The cheap facts first: most keys are no send at all, and need no lint.
      const first = decideSend({ ...base, findings: [] });
      if (first.verdict === 'pass' && first.reason !== 'clean') return;
      const decision = decideSend({
        ...base,
        findings: freshFindings(),
        guardOpen: stopped !== null && stopped.canSendAnyway,
      });
      if (decision.verdict === 'pass') {
        close();
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      stopped = { composer, errors: decision.errors, canSendAnyway: decision.canSendAnyway, attempt, target };
      draw();
    }

    /**
     * The composer a key at `target` may send, or null: keys in the editor, and on the focused send button (a click
     * there moves the focus to it, and Ctrl+Enter still sends in many helpdesks).
     */
    function composerHolding(target: EventTarget | null): ComposerInfo | null {
      const composer = store.get().composer;
      if (!composer || !(target instanceof Node)) return null;
      const editable = editableElementFor(composer.element, composer.kind);
      if (composer.element.contains(target) || editable.contains(target)) return composer;
      return adapter.findSendButton?.(doc)?.contains(target) ? composer : null;
    }

    const onKeyDown = (event: KeyboardEvent): void => {
      if (replaying) return;
      try {
        if (event.key === 'Escape' && stopped && !event.isComposing) {
          close();
          event.preventDefault();
          event.stopImmediatePropagation();
          return;
        }
        const composer = composerHolding(event.target);
        if (!composer || !(event.target instanceof HTMLElement)) return;
        judge({ kind: 'key', facts: keyFacts(event) }, composer, event, event.target);
      } catch (error) {
        console.error('[huashu] the guard before sending failed on a key', error);
      }
    };

    const onClick = (event: MouseEvent): void => {
      if (replaying || !(event.target instanceof Node)) return;
      try {
        const button = adapter.findSendButton?.(doc);
        if (!button?.contains(event.target)) return;
        const composer = store.get().composer;
        if (!composer) return;
        judge({ kind: 'button' }, composer, event, button);
      } catch (error) {
        console.error('[huashu] the guard before sending failed on a click', error);
      }
    };

    // The guard follows the draft: a fix that leaves no error closes it; what it lists is what the draft has now.
    const unsubscribe = store.subscribe((next, previous) => {
      if (!stopped) return;
      if (next.composer !== previous.composer || next.settings.sendGuard === 'off') return close();
      if (next.view.findings === previous.view.findings) return;
      const errors = next.view.findings.filter((finding) => finding.severity === 'error');
      if (errors.length === 0) return close();
      stopped = { ...stopped, errors };
      draw();
    });

    // Capture on the window: before the editor's and the page's own handlers, whichever element they listen on.
    win.addEventListener('keydown', onKeyDown, true);
    win.addEventListener('click', onClick, true);
    return () => {
      unsubscribe();
      win.removeEventListener('keydown', onKeyDown, true);
      win.removeEventListener('click', onClick, true);
      stopped = null;
      render(null, container);
    };
  });
}

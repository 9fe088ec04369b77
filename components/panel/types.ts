// What the panel components show: plain view data, built by the side panel entrypoint from the tab state and the packs.
import type { ChecklistItemState, MyReplyProblem } from '../../engine/index.ts';
import type { Emotion, Finding, SensitiveKind } from '../../engine/types.ts';
import type { MyReplyDraft, ScopeChoice } from '../common/MyReplyForm.tsx';

/** A plain cue instead of a raw score. */
export type Confidence = 'likely' | 'possible';

interface ScenarioView {
  id: string;
  title: string;
  confidence: Confidence;
  tips: string[];
  /** The conversation's main issue, kept beside a short follow-up. */
  main?: boolean;
}

export interface DetectionView {
  /** The customer message this detection is of (a correction belongs to one message). */
  messageId?: string;
  /** Best first; empty when the detector found nothing confident. */
  scenarios: ScenarioView[];
  emotion: Emotion;
  /** The latest message follows up an earlier one, whose detection this is. */
  followUp: boolean;
  /** The customer's message with sensitive values masked, when it had any. */
  maskedMessage?: string;
  sensitiveKinds: SensitiveKind[];
  /** Numbers shaped like an id or a card whose check digit fails: masked too, said "suspected". */
  suspectedKinds?: SensitiveKind[];
}

/** The conversation checklist as the panel shows it: the score and each item with its title in the interface language. */
export interface ChecklistView {
  score: number;
  passScore: number;
  passed: boolean;
  items: Array<{ id: string; title: string; state: ChecklistItemState; lost: number }>;
}

/** A scenario the agent can pick when teaching, with its title in the interface language. */
export interface ScenarioChoice {
  id: string;
  title: string;
}

/** What the agent already said about the message shown (absent: nothing yet). */
export interface TaughtView {
  /** "Not this" was said to this scenario. */
  notScenario?: string;
  /** The scenario picked; null: the message needs no scenario; absent: none picked. */
  scenario?: string | null;
}

/** Teaching the detector from the panel: the scenarios to pick from and what was said about this message. */
export interface TeachView {
  scenarios: ScenarioChoice[];
  taught?: TaughtView;
  onNotThis: (scenarioId: string) => void;
  /** A scenario id, or null for "no scenario needed". */
  onTeach: (scenarioId: string | null) => void;
}

export interface ReplyView {
  /** Unique in one list (a reply id may appear in two packs). */
  key: string;
  /** The pack's reply id: what usage counts and tests refer to. */
  id: string;
  scopeId: string;
  scopeTitle: string;
  title: string;
  /** Text with variables filled, as it is sent to be inserted ([[fields]] as the pack wrote them). */
  text: string;
  /** The text as it reads in the composer, to show and copy: field defaults in place, fields to fill as [[name]]. */
  shown: string;
  locale: string;
  /** The UI language differs from the reply's: show the reply's language. */
  otherLanguage: boolean;
  uses: number;
  /** The agent's own reply: its id among them (absent for a pack's reply). */
  mine?: string;
}

export interface StageView {
  id: string;
  title: string;
}

export type PageStatus =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'unreachable'; restricted: boolean }
  | { kind: 'not-helpdesk' }
  | { kind: 'site-off'; siteName: string; generic?: boolean }
  | { kind: 'ready'; siteName: string; generic?: boolean };

/** A keyboard command from the browser (manifest `commands`); seq makes a repeated command a new one. */
export type PanelCommand =
  { kind: 'insert-suggestion'; index: number; seq: number } | { kind: 'focus-search'; seq: number };

export interface PanelNotice {
  tone: 'ok' | 'error' | 'info';
  text: string;
  seq: number;
  /** One thing to do about it (Undo after a delete). */
  action?: { label: string; run: () => void };
  /** Text to copy by hand, shown selectable under the notice (a reply that went neither in nor on the clipboard). */
  detail?: string;
}

/** The agent's own replies in the panel; absent when a policy turned them off. */
export interface MyRepliesView {
  /** False when a policy made them read-only: shown, never changed. */
  writable: boolean;
  /** The form open now (new, from the draft, from an edited reply, or changing a kept one), or null. */
  form: { initial: MyReplyDraft; editing: boolean } | null;
  scopes: ScopeChoice[];
  /** The current scope (a new reply belongs to it), or null. */
  onNew: (scopeId: string | null) => void;
  onFromDraft: (scopeId: string | null) => void;
  onFromEdited: (reply: ReplyView, text: string) => void;
  onChange: (reply: ReplyView) => void;
  onDelete: (reply: ReplyView) => void;
  onSave: (reply: MyReplyDraft) => Promise<MyReplyProblem[]>;
  onClose: () => void;
}

export type { Finding };

// What the options page shows: plain view data built by the page's wiring, so the components need no storage.
import type { PackProblem } from '../../engine/types.ts';

type PackSourceKind = 'builtin' | 'file' | 'paste' | 'url' | 'policy';

export interface PackRowView {
  id: string;
  name: string;
  version: string;
  locale: string;
  source: PackSourceKind;
  /** File name or URL the pack came from. */
  sourceDetail?: string;
  scenarios: number;
  replies: number;
  rules: number;
  /** Milliseconds since 1970; none for built-in packs. */
  updatedAt?: number;
  enabled: boolean;
  canDisable: boolean;
  canRemove: boolean;
  /** Enabled packs this one takes scenarios, stages or rules from, with how many ids. */
  winsOver: Array<{ packId: string; count: number }>;
  /** Last problem of a subscribed pack, shown beside it. */
  error?: string;
  /** Whom the pack, or some of its scenarios and replies, is for: the levels, teams and sites it names. */
  audience?: { levels: string[]; teams: string[]; sites: string[] };
}

type ChangeKind = 'scenario' | 'stage' | 'reply' | 'rule';

interface ImportPreviewView {
  packId: string;
  name: string;
  version: string;
  adds: Array<{ kind: ChangeKind; id: string; parent?: string; label?: string }>;
  overrides: Array<{ kind: ChangeKind; id: string; parent?: string; label?: string; over: string[] }>;
  /** Version of the installed pack this one replaces. */
  replacesVersion?: string;
  /** Things to check that do not stop the save, placed like problems. */
  notices: PackProblem[];
}

export type ImportCheckView = { ok: true; preview: ImportPreviewView } | { ok: false; problems: PackProblem[] };

export type UiLanguageChoice = 'auto' | 'zh-CN' | 'zh-TW' | 'en';

/** The guard before sending a reply with an error-severity finding: off, stop and ask, or stop until fixed. */
export type SendGuardChoice = 'off' | 'confirm' | 'block';

export interface SettingsView {
  agentName: string;
  agentId: string;
  company: string;
  uiLanguage: UiLanguageChoice;
  /** The `;;` picker in the composer (absent: on, with `;;`). */
  expansionEnabled?: boolean;
  expansionTrigger?: string;
  /** The guard before sending (absent: `confirm`). */
  sendGuard?: SendGuardChoice;
  /** Values of the variables packs define ({hotline}, {storeName}…), by name. */
  customVariables?: Record<string, string>;
  /** The agent's level and team (empty: every level's and team's replies). */
  agentLevel?: string;
  agentTeam?: string;
}

/** A variable a pack defines, for the settings form: its name, the pack's label, and what shows when it is empty. */
export interface PackVariableView {
  name: string;
  label: string;
  fallback?: string;
}

/** Result of an action the page could refuse: the message says what is wrong and what to do. */
export type ActionResult = { ok: true } | { ok: false; message: string };

/** One correction the agent made in the side panel, its message masked. */
export interface TaughtCorrectionView {
  id: string;
  message: string;
  /** Milliseconds since 1970. */
  at: number;
  notScenario?: string;
  /** A scenario id; null: needs no scenario; absent: only "Not this" was said. */
  scenario?: string | null;
}

/** A masked customer message detection found no scenario for. */
export interface UnmatchedMessageView {
  id: string;
  message: string;
  at: number;
}

/** A scenario to label a message with, titled in the interface language. */
export interface ScenarioOptionView {
  id: string;
  title: string;
}

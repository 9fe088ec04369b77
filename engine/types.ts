// The engine's public types: packs, detections and lint findings (shared by every runtime context).
import type { PackProblemCode, ProblemParams } from './errors.ts';

/** Scenario ids of the taxonomy (../shared/docs/scenarios.md). Packs may add their own ids. */
export const SCENARIO_IDS = [
  'greeting',
  'product_inquiry',
  'order_change',
  'shipping_delay',
  'out_of_stock',
  'return_refund',
  'account_security',
  'technical_issue',
  'service_outage',
  'complaint',
  'angry_abusive',
  'staff_complaint',
  'ask_supervisor',
  'beyond_authority',
  'waiting_too_long',
  'not_understood',
  'suggestion',
  'thanks',
  'praise',
  'customer_apology',
  'harassment',
  'connection_issue',
  'callback_request',
  'closing',
] as const;

/** Agent stages: not detected, always at hand in the panel. */
export const STAGE_IDS = [
  'stage.opening',
  'stage.ask_name',
  'stage.restate',
  'stage.hold',
  'stage.resume',
  'stage.callback',
  'stage.transfer',
  'stage.confirm_resolved',
  'stage.anything_else',
  'stage.closing',
] as const;

/** Warning categories for drafts (../shared/docs/warnings.md). */
export const WARNING_CATEGORIES = [
  'refusal',
  'shirking',
  'contradiction',
  'rhetorical',
  'rejection',
  'absolute_promise',
  'competitor_disparage',
  'sensitive_request',
  'impatience',
  'sensitive_echo',
  // Not in the contract's phrase categories: a reply's field the agent has not filled yet ([[天数]]), found by the engine.
  'unfilled_field',
] as const;
export type WarningCategory = (typeof WARNING_CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const EMOTIONS = ['calm', 'anxious', 'angry'] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const SENSITIVE_KINDS = ['id_card', 'bank_card', 'phone', 'email', 'password', 'verification_code'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/** Variables every pack may use in replies without declaring them. */
export const BUILTIN_VARIABLES = ['customer', 'agentName', 'agentId', 'company', 'orderNumber'] as const;

/** The pack format this version writes: 2 reads rule patterns in the pattern language (docs/packs.md). */
export const PACK_SCHEMA_VERSION = 2;
/** Versions this version reads: in a version 1 pack every rule pattern is a literal phrase. */
export const READABLE_SCHEMA_VERSIONS = [1, 2] as const;

// ---- Packs (data, never code) ----

/**
 * Whom a pack, a scenario or a reply is for (docs/packs.md, "Audience"): agent levels (初级, 专家…), teams, and sites
 * (host names, `*.` for any subdomain). Absent: everyone. An agent without a level (or team) set sees every level's.
 */
export interface Audience {
  levels?: string[];
  teams?: string[];
  sites?: string[];
}

export interface Reply {
  /** Stable id, unique within the pack (e.g. "return_refund.apology"). */
  id: string;
  text: string;
  /** Short label shown in lists; the text's start when absent. */
  title?: string;
  /** Typed after the picker's trigger (`;;tks`), it puts this reply first: letters and digits, no spaces. */
  shortcut?: string;
  audience?: Audience;
}

export interface Scenario {
  id: string;
  title: string;
  /** Words and phrases that signal the scenario in a customer message. */
  triggers?: string[];
  /** Whole example customer messages (matched fuzzily). */
  examples?: string[];
  /** Whole customer messages that are NOT about this scenario although they may look like it (an agent's correction). */
  counterExamples?: string[];
  replies?: Reply[];
  /** Handling advice from the training material, shown beside the replies. */
  tips?: string[];
  /** When merging over an earlier pack's scenario of the same id: extend it (default) or replace it. */
  merge?: 'extend' | 'replace';
  audience?: Audience;
}

export interface Stage {
  id: string;
  title: string;
  replies: Reply[];
  /** Words agents search the stage by (转人工, hold on): stages are not detected, so these only find its replies. */
  triggers?: string[];
  tips?: string[];
  merge?: 'extend' | 'replace';
}

export interface DraftExamples {
  /** Per warning category: whole drafts that hold such a phrase, however it is worded. */
  flawed?: Partial<Record<WarningCategory, string[]>>;
  /** Drafts a careful team lead would send as they are, above all those with look-alike words. */
  clean?: string[];
  /**
   * Per category: what the agent reads when a draft reads as that category but no rule names its phrase (what is wrong
   * and what to write instead).
   */
  notes?: Partial<Record<WarningCategory, string>>;
}

interface RuleExamples {
  /** Drafts that must produce a finding of this rule. */
  match?: string[];
  /** Drafts that must not. */
  noMatch?: string[];
  /** For a `match` draft: the draft after the rule's one-click fix (checked by `huashu pack validate`). */
  fixed?: Record<string, string>;
}

export interface Rule {
  id: string;
  category: WarningCategory;
  severity: Severity;
  /**
   * Phrases to find, in the pattern language (docs/packs.md): literal text, `…` or `{0,8}` gaps within a clause,
   * `(a|b)` alternatives, `(们)?` optional parts, `<class>` word classes. In a version 1 pack each is a literal phrase.
   * Matched after normalization; Latin pieces on word boundaries.
   */
  patterns?: string[];
  /** Larger words or phrases that contain a pattern but are allowed (保证金 around 保证). */
  exceptions?: string[];
  /** Built-in detectors instead of phrases: a draft that repeats such a value (sensitive_echo). */
  sensitive?: SensitiveKind[];
  message: string;
  /** Replaces exactly the matched span (older packs). */
  suggestion?: string;
  /**
   * Replaces the whole clause of the match, or its whole sentence when the rewrite ends with a sentence mark;
   * {before}, {after} (the clause around the match) and {you} (你 or 您).
   */
  rewrite?: string;
  /** The rewrite in traditional characters, offered for a draft written in them. */
  rewriteTraditional?: string;
  examples?: RuleExamples;
  /** A later pack can switch off an earlier pack's rule of the same id. */
  disabled?: boolean;
}

export interface VariableDefinition {
  label: string;
  /** Shown when no value is set. */
  fallback?: string;
}

/** Where a "said" checklist item looks: the agent's first reply, any reply, or the latest one (the closing words). */
export const CHECKLIST_WHEN = ['first-reply', 'any-reply', 'last-reply'] as const;
export const CHECKLIST_KINDS = ['said', 'answered', 'noFinding', 'firstReplyWithin', 'replyWithin'] as const;

/**
 * One item of a conversation checklist (质检, docs/packs.md "Checklist"): what a reviewer checks, and the points a
 * conversation loses when it is missed. `kind` says how it is checked:
 * - `said`: a reply (`when`: the first, any, the latest) holds one of `phrases` (the pattern language of rules);
 * - `answered`: the agent's next reply after a customer message of one of `scenarios` holds one of `phrases`;
 * - `noFinding`: no reply sent holds a finding of `severity` or worse;
 * - `firstReplyWithin` / `replyWithin`: the first reply, or every reply, came within `seconds` of the customer's message.
 */
interface ChecklistItem {
  id: string;
  title: string;
  /** Points lost when missed (of 100). */
  deduction: number;
  kind: (typeof CHECKLIST_KINDS)[number];
  when?: (typeof CHECKLIST_WHEN)[number];
  phrases?: string[];
  scenarios?: string[];
  severity?: Severity;
  seconds?: number;
  /** A later pack can switch off an earlier pack's item of the same id. */
  disabled?: boolean;
}

export interface Checklist {
  /** The score from which a conversation passes (合格), of 100. */
  passScore?: number;
  items: ChecklistItem[];
}

export interface Pack {
  schemaVersion: (typeof READABLE_SCHEMA_VERSIONS)[number];
  /** Unique id; the shipped packs use the file name (zh-CN, zh-TW, en). */
  id: string;
  name: string;
  version: string;
  /** BCP 47 language of the pack's texts: zh-CN, zh-TW, en… */
  locale: string;
  description?: string;
  variables?: Record<string, VariableDefinition>;
  /** Word classes rule patterns name as `<name>`: each a list of literal phrases (first person: 我, 我们, 咱们…). */
  classes?: Record<string, string[]>;
  scenarios?: Scenario[];
  /** Whole customer messages that need no scenario at all (small talk, a bare order number, a wrong chat). */
  noScenarioExamples?: string[];
  /** Labelled agent drafts the draft reader learns from when packs load (docs/packs.md, "Draft examples"). */
  draftExamples?: DraftExamples;
  /** Customer messages by the emotion they carry, which the emotion reader learns from (docs/packs.md, "Emotion examples"). */
  emotionExamples?: Partial<Record<Emotion, string[]>>;
  stages?: Stage[];
  rules?: Rule[];
  checklist?: Checklist;
  audience?: Audience;
}

// ---- Results ----

/** One message of the conversation as the checklist reads it. */
export interface ChecklistTurn {
  role: 'customer' | 'agent';
  /** A customer message: the scenarios detection found in it. */
  scenarios?: readonly string[];
  /** An agent's reply: its text (for the phrases) and its most severe finding, if any. */
  text?: string;
  /** Instead of the text: the ids of the items whose phrases the reply holds (`checklistPhrasesIn`), as the audit keeps them. */
  says?: readonly string[];
  worstSeverity?: Severity;
  /** When it appeared (ms since the epoch); absent for messages already on the page when reading began. */
  seenAt?: number;
}

/** Met, missed, open (not decided yet: the conversation goes on), or not applicable to this conversation. */
export type ChecklistItemState = 'met' | 'missed' | 'open' | 'notApplicable';

interface ChecklistItemResult {
  id: string;
  state: ChecklistItemState;
  /** The points this item takes off now: its deduction when missed, else 0. */
  lost: number;
  deduction: number;
}

export interface ChecklistResult {
  /** 100 minus what the missed items take off, never below 0. */
  score: number;
  passScore: number;
  passed: boolean;
  items: ChecklistItemResult[];
}

export interface ScenarioMatch {
  id: string;
  /** 0..1, higher is more confident. */
  score: number;
}

export interface SensitiveSpan {
  kind: SensitiveKind;
  /** Offsets in the original text (UTF-16 units, end exclusive). */
  start: number;
  end: number;
  /**
   * Shaped like an id or card number but its check digit fails (a typo, or a number made up): masked all the same, said
   * "suspected", and not a repeated number for lint (an order number is not a card).
   */
  suspected?: true;
}

export interface Detection {
  text: string;
  /** Best first; empty when the detector abstains. */
  scenarios: ScenarioMatch[];
  emotion: Emotion;
  sensitive: SensitiveSpan[];
}

export interface Finding {
  ruleId: string;
  category: WarningCategory;
  severity: Severity;
  /** Offsets in the original draft (UTF-16 units, end exclusive). */
  start: number;
  end: number;
  /** The original text of the span. */
  match: string;
  message: string;
  /** What a one-click fix replaces (the match, or its clause for a rewrite) and with what. */
  fix?: FindingFix;
}

export interface FindingFix {
  start: number;
  end: number;
  text: string;
}

// ---- Packs merged in priority order (later packs extend or override earlier ones) ----

export interface MergedReply extends Reply {
  /** The pack the reply comes from, and that pack's language. */
  packId: string;
  locale: string;
}

export interface MergedScenario {
  id: string;
  title: string;
  triggers: string[];
  examples: string[];
  /**
   * Messages that are not this scenario (every contributing pack's, added together). mergePacks always sets it; optional
   * so that scenario lists built by hand (tests, benches) need not.
   */
  counterExamples?: string[];
  replies: MergedReply[];
  tips: string[];
  /** Packs that contributed, in priority order; the last one wins the title. */
  packIds: string[];
}

export interface MergedStage {
  id: string;
  title: string;
  replies: MergedReply[];
  /** Search words of every contributing pack. Optional so that stage lists built by hand need not. */
  triggers?: string[];
  tips: string[];
  packIds: string[];
}

export interface MergedRule extends Rule {
  packId: string;
  /** The rule comes from a version 1 pack: its patterns are literal phrases. */
  literal?: boolean;
}

export interface MergedPacks {
  scenarios: MergedScenario[];
  stages: MergedStage[];
  /** Enabled rules only: a later pack's rule replaces an earlier one of the same id, `disabled` removes it. */
  rules: MergedRule[];
  variables: Record<string, VariableDefinition>;
  /** Word classes of all packs: a later pack's class of the same name adds its members. */
  classes: Record<string, string[]>;
  /** Messages that need no scenario, from every enabled pack. */
  noScenarioExamples: string[];
  /** Every enabled pack's labelled drafts added together, and each pack's notes with the pack's language. */
  draftExamples: MergedDraftExamples;
  /** Every enabled pack's customer messages by emotion, added together. */
  emotionExamples: Record<Emotion, string[]>;
  /** The checklist items of every pack by id (a later pack's item replaces an earlier one; `phrases` add up). */
  checklist: MergedChecklist;
}

export interface MergedChecklist {
  passScore: number;
  items: Array<ChecklistItem & { packIds: string[] }>;
}

export interface MergedDraftExamples {
  flawed: Partial<Record<WarningCategory, string[]>>;
  clean: string[];
  notes: Array<{ category: WarningCategory; locale: string; text: string }>;
}

/** One problem found in a pack, with its place. */
export interface PackProblem {
  /** File name as given by the caller ("zh-CN.json", "team.csv", "<pasted>"). */
  file: string;
  /** 1-based, where the format has lines (JSON/YAML syntax, CSV rows, and shape errors when the field can be located). */
  line?: number;
  column?: number;
  /** Field path such as scenarios[3].replies[0].text. */
  path?: string;
  /** The problem in English (the command line, logs). */
  message: string;
  /** What kind of problem, and its values, to phrase it in another language (engine/problem-locale.ts); absent on problems made outside the engine. */
  code?: PackProblemCode;
  params?: ProblemParams;
}

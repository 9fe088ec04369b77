// The typed messages between the content script and the side panel: one protocol map per direction.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ChecklistResult, Detection, Finding } from '../engine/types.ts';
import type { MessageRole } from '../sites/types.ts';

/** What the content script knows about its tab, as the panel shows it. */
export interface TabState {
  /** The adapter in use, or null when the page is not a helpdesk Huashu knows. */
  site: { id: string; name: string } | null;
  /** Whether Huashu is on for this page (false when the agent turned it off or no adapter matched). */
  active: boolean;
  /** The latest customer message and what the engine found in it; null before any. */
  latest: {
    messageId: string;
    role: MessageRole;
    detection: Detection;
    followUpOf?: string;
    /** The conversation's main issue, kept beside a short follow-up (content/latest-customer.ts). */
    mainScenario?: string;
  } | null;
  /** The customer's name when the page shows it. */
  customerName?: string;
  /** The order the conversation is about: the latest order number its messages label (engine/order-number.ts). */
  orderNumber?: string;
  /** Findings on the current draft. */
  findings: Finding[];
  draftLength: number;
  /** The composer writes an internal note, not a reply to the customer. */
  noteMode: boolean;
  hasComposer: boolean;
  /**
   * The conversation checklist (质检) for the open conversation: each item's state and the score, never the texts it
   * read; null when the packs have no checklist or no conversation is read.
   */
  checklist: ChecklistResult | null;
}

export type InsertResult = { ok: true } | { ok: false; reason: 'no-composer' | 'failed'; message: string };

/**
 * A reply that did not go in carries the reply as it would have gone in (variables filled, fields rendered) and whether
 * it is on the clipboard already (utils/reply-fallback.ts decides what the agent is told).
 */
export type ReplyInsertResult =
  { ok: true } | { ok: false; reason: 'no-composer' | 'failed'; message: string; reply: string; copied: boolean };

/** Side panel → content script (sent to one tab). */
export interface PanelToContentProtocol {
  getTabState(): TabState;
  insertReply(data: { text: string; replyId?: string }): ReplyInsertResult;
  /** Replaces a finding's span in the draft with its suggestion. */
  applyFinding(data: { start: number; end: number; replacement: string }): InsertResult;
  /** Starts the element picker of the generic adapter. */
  startPicker(): { ok: boolean };
  /**
   * The draft in the reply box, asked for only when the agent saves it as a reply of their own (the state the panel
   * follows never carries it); null when the page has no reply box.
   */
  getDraft(): { text: string } | null;
}

/** Content script → side panel (broadcast to the extension's pages). */
export interface ContentToPanelProtocol {
  tabStateChanged(state: TabState): void;
}

export const panelToContent = defineExtensionMessaging<PanelToContentProtocol>();
export const contentToPanel = defineExtensionMessaging<ContentToPanelProtocol>();

/** Content script of a frame below the top page → background: whether it reads a conversation now. */
export interface ContentToBackgroundProtocol {
  frameSessionChanged(data: { active: boolean }): void;
  /** From the top page: which of these frames still read a conversation (a removed frame could not say it left). */
  liveFrames(data: { frameIds: number[] }): number[];
  /** From the top page, when it starts: frames that read a conversation are asked to say so again. */
  topFrameReady(): void;
}

/** Background → the top page's content script: a frame below it started or stopped reading a conversation. */
export interface BackgroundToContentProtocol {
  subframeSessionChanged(data: { frameId: number; active: boolean }): void;
  /** Asked of one frame: true while it reads a conversation (a frame that does not answers nothing). */
  stillReading(): boolean;
  /** To every frame of a tab whose top page just started: a frame reading a conversation says so again. */
  announceReading(): void;
}

export const contentToBackground = defineExtensionMessaging<ContentToBackgroundProtocol>();
export const backgroundToContent = defineExtensionMessaging<BackgroundToContentProtocol>();

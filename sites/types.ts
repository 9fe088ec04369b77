// The contract every helpdesk adapter fulfils: find the active conversation, read its messages, find the composer.

export type MessageRole = 'customer' | 'agent' | 'note' | 'system';

export interface ChatMessage {
  /** Stable per message (the helpdesk's own id where it has one), so each message is read once. */
  id: string;
  role: MessageRole;
  text: string;
}

export interface ComposerInfo {
  element: HTMLElement;
  /** The editor behind it, so insertion picks the right path. */
  kind:
    | 'textarea'
    | 'input'
    | 'contenteditable'
    | 'prosemirror'
    | 'ckeditor5'
    | 'lexical'
    | 'quill'
    | 'draftjs'
    | 'slate'
    | 'summernote'
    /** A frame in design mode (KindEditor): `element` is the iframe, the text is typed into its document's body. */
    | 'designmode';
  /** True when the composer writes an internal note, not a reply to the customer. */
  noteMode: boolean;
}

export interface SiteAdapter {
  /** Stable id: "chatwoot", "zendesk", "generic"… */
  id: string;
  /** Human name for the panel ("Chatwoot"). */
  name: string;
  /** URL patterns of the hosted product (match patterns as in the manifest); self-hosted ones are recognized by `detect`. */
  matches: string[];
  /** True when this document is this helpdesk's agent view (by DOM, so self-hosted instances are found too). */
  detect(doc: Document): boolean;
  /** The element that holds the active conversation's messages (observe this one only), or null. */
  findMessageList(doc: Document): HTMLElement | null;
  /** Messages of the active conversation in time order, oldest first. */
  readMessages(list: HTMLElement): ChatMessage[];
  /** The composer of the active conversation, or null when there is none. */
  findComposer(doc: Document): ComposerInfo | null;
  /** The customer's display name when the page shows it (fills {customer}). */
  readCustomerName?(doc: Document): string | undefined;
  /** A key that changes when the agent switches conversation (SPA navigation), e.g. the conversation id. */
  conversationKey?(doc: Document): string | undefined;
  /**
   * Reads one message item that was added to the list, without reading the rest, so a new message in a long
   * conversation costs what it costs in a short one. `item` is an element the watcher saw added (a direct child of the
   * list, or a node inside one); null when it holds no message. The id equals the one readMessages gives that message.
   */
  readMessage?(item: Element, list: HTMLElement): ChatMessage | null;
  /** The helpdesk's own send button of the composer, when it shows one (the guard before sending watches its clicks). */
  findSendButton?(doc: Document): HTMLElement | null;
  /**
   * True when a plain Enter in this composer sends (chat helpdesks: Shift+Enter for a new line). Absent, only a
   * single-line input sends on Enter; Ctrl/Cmd+Enter is taken as sending everywhere.
   */
  enterSends?(doc: Document, composer: ComposerInfo): boolean;
}

// English UI strings of the side panel; the keys of this file are the list every other locale must translate.
export const en = {
  appTitle: 'Huashu',
  loading: 'Reading this tab…',

  // Page states
  noTabTitle: 'No tab to follow',
  noTabBody: 'Open your helpdesk in this window; the panel follows the active tab.',
  unreachableTitle: 'Huashu cannot reach this page',
  unreachableBody:
    'If you just installed or updated Huashu, reload the page. If this is your helpdesk, turn Huashu on for this site, then reload.',
  unreachableRestricted: 'Browser pages (settings, new tab, the web store) cannot be read by extensions. Switch to your helpdesk tab.',
  reloadPage: 'Reload page',
  notHelpdeskTitle: 'Not a helpdesk Huashu knows',
  notHelpdeskBody: 'Huashu recognizes common helpdesks. For another one, point at its message list and reply box once.',
  siteOffTitle: 'Huashu is off on {site}',
  siteOffBody: 'Turn it on to see suggestions for this conversation.',
  startPicker: 'Point at the chat area',
  pickerStarted: 'Click the message list in the page, then the reply box.',
  enableSite: 'Turn on for this site',
  enableSiteDone: 'Huashu is on for {host}. Reload the page to start.',
  enableSiteDenied: 'Permission was not granted, so Huashu cannot read {host}. Click the button again and choose Allow.',
  enableSiteNoUrl: 'Huashu cannot see this tab’s address. Open the helpdesk page and try again.',
  noComposer: 'No reply box found. Open a conversation (or click into its reply box) to insert replies.',
  noteMode: 'The reply box is in internal-note mode: what you insert goes to colleagues, not to the customer.',
  pinnedTab: 'Pinned to one tab',

  // Detection
  detectedHeading: 'Customer message',
  confidenceLikely: 'Very likely',
  confidencePossible: 'Possibly',
  noConfidentScenario: 'No confident match for the latest message. Search the phrases below or pick a stage.',
  noMessageYet: 'No customer message yet. Stages are below; search finds any phrase.',
  followUp: 'This message follows up on an earlier one; the suggestions come from that earlier turn.',
  emotionLabel: 'Mood',
  emotion_calm: 'Calm',
  emotion_anxious: 'Anxious',
  emotion_angry: 'Angry',
  tipsHeading: 'Tips',

  // Sensitive data
  sensitiveHeading: 'The customer sent sensitive data',
  sensitiveReminder: 'Shown masked. Never repeat it in your reply.',
  sensitive_id_card: 'ID card number',
  sensitive_bank_card: 'Bank card number',
  sensitive_phone: 'Phone number',
  sensitive_email: 'Email address',
  sensitive_password: 'Password',
  sensitive_verification_code: 'Verification code',

  // Replies
  repliesHeading: 'Replies: {scope}',
  stagesHeading: 'Stages',
  pickScopeHint: 'Pick a stage above, or search for any phrase.',
  noReplies: 'This pack has no replies here yet. Search the phrases, or add replies in the options.',
  insert: 'Insert',
  insertAsNote: 'Insert note',
  insertTitle: 'Insert at the cursor in the reply box',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Could not copy. Select the text and press Ctrl+C.',
  edit: 'Edit',
  editLabel: 'Edit the reply before inserting',
  cancel: 'Cancel',
  usedTimes: 'used {count}×',
  shortcutHint: 'Shortcut {key}',
  inserted: 'Inserted.',
  insertNoComposer: 'No reply box to insert into. Open a conversation and click into its reply box, then try again.',
  insertFailed: 'Inserting failed in this page. Copy the reply instead, and reload the page if it keeps failing.',
  insertUnreachable: 'The page did not answer. Reload it, then try again.',

  // Search
  searchLabel: 'Search phrases',
  searchPlaceholder: 'Search: words, 拼音 or initials (tk)',
  searchHint: 'Press / or Ctrl+K to search, ↑ ↓ to move, Enter to insert, Esc to clear.',
  searchNoResults: 'Nothing matches “{query}”. Try fewer words, pinyin (tuikuan) or initials (tk).',
  searchResults: '{count} phrases',
  clearSearch: 'Clear search',

  // Findings
  findingsHeading: 'Your draft',
  findingsNone: 'No warnings on your draft.',
  fix: 'Fix',
  fixTitle: 'Replace “{match}” with “{suggestion}”',
  fixFailed: 'Could not change the draft (it may have changed meanwhile). Edit it by hand.',
  severity_error: 'Must fix',
  severity_warning: 'Warning',
  severity_info: 'Hint',

  // Usage
  usageHeading: 'Your usage',
  usageExplain: 'Replies you insert more often rise in their list (after replies in your language).',
  exportUsage: 'Export usage (CSV)',
  resetUsage: 'Reset usage',
  resetUsageConfirm: 'Forget how often you used each reply? Lists go back to the packs’ order.',
  usageCsvScope: 'scenario',
  usageCsvReply: 'reply',
  usageCsvUses: 'uses',
  usageCsvTitle: 'title',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

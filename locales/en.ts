// English UI strings of the side panel; the keys of this file are the list every other locale must translate.
/** The in-page element picker's hints (content/page-texts.ts): their own object, so the content script bundles these and not the whole catalog. */
export const enPicker = {
  list: 'Click the message list (↑↓ widen/narrow, Enter picks, Esc cancels)',
  composer: 'Now click the reply box (↑↓ widen/narrow, Enter picks, Esc cancels)',
} as const;

/** The `;;` picker's strings (content/page-texts.ts). */
export const enExpansion = {
  expansionLabel: 'Replies matching what you typed',
  expansionNoMatch: 'No reply matches “{query}”. Type other words or pinyin initials, or press Esc.',
  expansionHint: '↑↓ choose · Enter or Tab insert · Esc close',
} as const;

/** The guard before sending's strings (content/page-texts.ts); `{key}` is the key that sent, `{suggestion}` a fix. */
export const enGuard = {
  guardTitle: 'Not sent: this reply has wording that should not reach a customer',
  guardConfirmHint: 'Fix it, or press {key} again to send it as it is.',
  guardBlockHint: 'Your team does not allow sending this wording. Fix it, then send.',
  guardApply: 'Replace with “{suggestion}”',
  guardNoSuggestion: 'No ready wording for this: rewrite it yourself.',
  guardSendAnyway: 'Send anyway',
  guardKeepEditing: 'Keep editing (Esc)',
} as const;

export const en = {
  appTitle: 'Huashu',
  loading: 'Reading this tab…',

  // Page states
  noTabTitle: 'No tab to follow',
  noTabBody: 'Open your helpdesk in this window; the panel follows the active tab.',
  unreachableTitle: 'Huashu cannot reach this page',
  unreachableBody:
    'If you just installed or updated Huashu, reload the page. If this is your helpdesk, turn Huashu on for this site, then reload.',
  unreachableRestricted:
    'Browser pages (settings, new tab, the web store) cannot be read by extensions. Switch to your helpdesk tab.',
  reloadPage: 'Reload page',
  notHelpdeskTitle: 'Not a helpdesk Huashu knows',
  notHelpdeskBody: 'Huashu recognizes common helpdesks. For another one, point at its message list and reply box once.',
  siteOffTitle: 'Huashu is off on {site}',
  siteOffBody: 'Turn it on to see suggestions for this conversation.',
  picksInUse: 'Huashu reads the chat area you pointed at on this site.',
  resetPicks: 'Reset',
  startPicker: 'Point at the chat area',
  pickerStarted: 'Click the message list in the page, then the reply box.',
  enableSite: 'Turn on for this site',
  enableSiteDone: 'Huashu is on for {host}. If no suggestions appear, reload the page.',
  enableSiteDenied:
    'Permission was not granted, so Huashu cannot read {host}. Click the button again and choose Allow.',
  enableSiteNoUrl: 'Huashu cannot see this tab’s address. Open the helpdesk page and try again.',
  // Sites (options page) and turning a site off from the panel.
  sitesHeading: 'Sites',
  sitesExplain:
    'Huashu reads the chat only on the built-in helpdesks and on the sites you turn on here. Turning a site off gives back the access the browser granted for it.',
  sitesBuiltIn: 'Built in, on without asking:',
  sitesEmpty:
    'No other site yet. To use Huashu on your company’s own helpdesk, type its address below, or open the helpdesk and choose “Turn on for this site” in the side panel.',
  siteStateOn: 'On',
  siteStateOff: 'Off',
  siteStateNeedsAccess: 'Needs access',
  siteNeedsAccessBody:
    'Huashu should be on here, but the browser’s access to this site was taken away. Click “Allow access” to give it back.',
  siteBuiltInTag: 'built in',
  sitePicksTag: 'chat area pointed at',
  siteTurnOff: 'Turn off',
  siteTurnOn: 'Turn on',
  siteGrantAccess: 'Allow access',
  siteForgetPicks: 'Forget the chat area',
  siteForget: 'Forget',
  siteForgetLabel: 'Forget {host}: its on/off choice, the chat area pointed at and its access',
  siteAddLabel: 'Turn Huashu on for a helpdesk address',
  siteAdd: 'Turn on',
  siteAddEmpty: 'Type the address of your helpdesk first, like https://support.example.com.',
  siteAddInvalid:
    '“{input}” is not a web address. Type the address of your helpdesk, like https://support.example.com.',
  siteAddNotWeb:
    '“{input}” is not a web page address: Huashu works on http and https pages only. Type the address of your helpdesk, like https://support.example.com.',
  siteAccessDenied: 'The browser did not give access to {host}, so Huashu stays off there. Try again and choose Allow.',
  siteChangeFailed: 'Could not change {host}: {error}. Reload this page and try again.',
  disableSite: 'Turn off on this site',
  disableSiteDone: 'Huashu is off on {host}. Turn it back on here or under Sites in the settings.',
  enableSiteOpenSettings:
    'Type this helpdesk’s address under Sites in the settings (opened in a new tab) to turn Huashu on for it.',
  restoredSitesNeedAccess:
    'Restored. Huashu needs the browser’s access again for {sites}: click “Allow access” beside each under Sites.',
  settingLockedByPolicy: 'Set by your administrator',
  noComposer: 'No reply box found. Open a conversation (or click into its reply box) to insert replies.',
  noteMode:
    'The reply box is in internal-note mode: what you insert goes to colleagues, not to the customer, so the draft is not checked for forbidden phrases.',
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

  // Teaching the detector (panel)
  notThis: 'Not this',
  notThisLabel: 'Not this: the message is not about “{scenario}”',
  teachChoose: 'Choose the scenario',
  teachPickLabel: 'Which scenario is this message about?',
  teachPickPlaceholder: 'Choose…',
  teachNone: 'None: no scenario needed',
  teachSave: 'Teach',
  teachChange: 'Change',
  teachNotedNot: 'Noted: not “{scenario}”.',
  teachTaughtScenario: 'Taught: about “{scenario}”.',
  teachTaughtNone: 'Taught: needs no scenario.',
  taughtNotThisNotice:
    'Noted: this message is not about “{scenario}”. Pick the scenario it is about, or leave it at that.',
  taughtScenarioNotice:
    'Learned: messages like this one are about “{scenario}”. Kept masked, on this device only; review it under “What I taught” in the settings.',
  taughtNoneNotice:
    'Learned: messages like this one need no scenario. Kept masked, on this device only; review it under “What I taught” in the settings.',
  teachFailed: 'The correction was not kept ({error}). Try again; if it keeps failing, reload the panel.',

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
  draftCapped: 'Your draft is very long: only its first {limit} characters are checked.',
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

  // Options page
  optionsTitle: 'Huashu options',
  packsHeading: 'Phrase packs',
  packsExplain: 'Packs higher in the list win where two packs define the same scenario, stage or rule.',
  loadingPacks: 'Reading your packs…',
  packVersion: 'v{version}',
  packCounts: '{scenarios} scenarios · {replies} replies · {rules} rules',
  packUpdated: 'updated {date}',
  source_builtin: 'Built in',
  source_file: 'From file {name}',
  source_paste: 'Pasted',
  source_url: 'From {url}',
  source_policy: 'Set by your administrator',
  packEnabled: 'On',
  packEnabledLabel: 'Use {name}',
  moveUp: 'Up',
  moveUpLabel: 'Give {name} a higher priority',
  moveDown: 'Down',
  moveDownLabel: 'Give {name} a lower priority',
  exportPack: 'Export',
  exportPackLabel: 'Export {name} as JSON',
  removePack: 'Remove',
  removePackLabel: 'Remove {name}',
  winsOver: 'Wins over {packs}',
  winsOverItem: '{pack} ({count})',
  lockedPolicy: 'Cannot be switched off or removed.',
  removedToast: '“{name}” removed.',
  undo: 'Undo',
  addHeading: 'Add a pack',
  addExplain:
    'Choose a .json, .yaml, .yml or .csv file, or paste a pack. It is checked first; nothing is saved until you press Save.',
  chooseFile: 'Pack file',
  pasteLabel: 'Or paste a pack (JSON, YAML or CSV)',
  check: 'Check',
  fileWrongType:
    '{file} is not a .json, .yaml, .yml or .csv file. Save the pack in one of these formats and choose it again.',
  fileReadFailed: 'Could not read {file} ({error}). Choose the file again.',
  problemsHeading: '{count} problem(s) found; nothing was saved. Fix them and check again.',
  previewHeading: 'Ready to save “{name}” v{version}',
  previewReplaces: 'Replaces the installed version {version} (keeping its place and on/off state).',
  noticesHeading: '{count} thing(s) to check; the pack can still be saved.',
  previewNothing: 'This pack adds nothing the enabled packs do not have already.',
  previewAdds: 'Adds {count}',
  previewOverrides: 'Takes over {count} already defined by other packs',
  overridesFrom: 'over {packs}',
  kind_scenario: 'Scenario',
  kind_stage: 'Stage',
  kind_reply: 'Reply',
  kind_rule: 'Rule',
  savePack: 'Save pack',
  saved: '“{name}” saved.',
  backupHeading: 'Backup',
  backupExplain: 'Your settings, added packs and their order and on/off state, in one file.',
  exportAll: 'Export everything',
  importAll: 'Restore from a backup file',
  restored: 'Backup restored.',
  policyProblems:
    "Your administrator's policy could not be applied in full; the packs it set before are kept. Problems:",
  packVariablesLegend:
    "Values for your packs' variables (empty: the pack's fallback, or the words around it are left out)",
  restoreFailed: 'The backup was not restored; nothing changed. Problems:',
  settingsHeading: 'Your details',
  agentNameLabel: 'Your name ({agentName} in replies)',
  agentIdLabel: 'Agent number ({agentId})',
  companyLabel: 'Company ({company})',
  uiLanguageLabel: 'Interface language',
  uiLanguageAuto: 'Same as the browser',
  saveSettings: 'Save',
  settingsSaved: 'Saved.',
  urlLabel: 'Or the address of a published pack',
  urlExplain:
    'https:// only (http:// for localhost). Huashu fetches it again when you press Refresh; if that fails, the last good version stays.',
  fetchUrl: 'Fetch and check',
  fetching: 'Fetching…',
  refreshPack: 'Refresh',
  refreshPackLabel: 'Fetch {name} again from its address',
  refreshed: '“{name}” is up to date.',
  // What I taught (options page)
  taughtHeading: 'What I taught',
  taughtExplain:
    'Your corrections from the side panel (“Not this”, a scenario you picked) shape the suggestions from the next message on. They stay on this device only and are never sent; phone numbers, ids, card numbers, e-mails, codes, passwords, numbers of six digits or more and the customer’s name are replaced by placeholders such as [phone] before anything is kept.',
  taughtCorrectionsHeading: 'Corrections ({count})',
  taughtEmpty:
    'Nothing taught yet. When a suggestion in the side panel is wrong, click “Not this” beside it and pick the right scenario.',
  taughtVerdictScenario: 'About “{scenario}”',
  taughtVerdictNone: 'Needs no scenario',
  taughtVerdictNot: 'Not “{scenario}”',
  taughtDelete: 'Delete',
  taughtDeleteLabel: 'Delete “{message}”',
  unmatchedHeading: 'Messages without a scenario ({count})',
  unmatchedExplain:
    'Customer messages Huashu found no scenario for, masked: the {limit} most recent of the last {days} days. Say what one is about and Huashu learns it.',
  unmatchedEmpty:
    'None kept. Customer messages Huashu finds no scenario for appear here, masked, for {days} days, so that you can say what they were about.',
  unmatchedPickLabel: 'What is “{message}” about?',
  taughtDeleteAll: 'Delete all',
  taughtDeleteAllConfirm:
    'Delete every correction and every kept message? Suggestions go back to what the packs alone say.',
  taughtExport: 'Export as pack',
  taughtExportExplain:
    'Downloads your corrections as a pack file (JSON) for your team lead, who can check it with “npx huashu pack validate” and merge it into the team’s pack. Only the masked messages go in.',
  taughtPackName: 'Taught on this device ({date})',
  taughtDeleted: 'Deleted.',
  taughtExportNothing:
    'Nothing to export: each of your corrections names a scenario that none of the packs now on has. Turn that pack back on, or teach again.',
  ...enExpansion,
  ...enGuard,
  settingsSendGuard: 'Before a reply with a red warning is sent',
  settingsSendGuardOff: 'Send it as usual',
  settingsSendGuardConfirm: 'Stop it and show the warning; I can still send it',
  settingsSendGuardBlock: 'Stop it until the wording is fixed',
  settingsExpansionEnabled: 'Open the reply picker when I type the trigger in the reply box',
  settingsExpansionTrigger: 'Trigger',
  settingsExpansionTriggerInvalid:
    'The trigger “{trigger}” cannot be used: type 1–4 characters that do not start with a letter or digit, and not “/” (the helpdesk’s own menu uses it). The picker keeps using “{current}”.',
  // My replies (components/common/MyReplyForm.tsx, the panel and the options page)
  myReplies: 'My replies',
  myReplyNew: 'New reply',
  myReplyFromDraft: 'Save draft as my reply',
  myReplySaveEdited: 'Save as my reply',
  myReplyNewHeading: 'New reply of my own',
  myReplyEditHeading: 'Change my reply',
  myReplyTitle: 'Title',
  myReplyTitlePlaceholder: 'Shown in lists; the start of the text when empty',
  myReplyText: 'Reply',
  myReplyTextHint: 'Variables: {customer}, {agentName}, {agentId}, {company}. A blank to fill: [[days]] or [[days:3]].',
  myReplyShortcut: 'Shortcut (optional)',
  myReplyShortcutPlaceholder: 'e.g. tks: type ;;tks in the reply box',
  myReplyScopes: 'Shown for',
  myReplyStageScope: 'Step: {title}',
  myReplySave: 'Save reply',
  myReplySaveChanges: 'Save changes',
  myReplyTextEmpty: 'Write the reply first: it is empty.',
  myReplyTextTooLong:
    'The reply has {length} characters; keep it to {limit}, or ask your team lead to put it in a team pack.',
  myReplyTitleTooLong: 'The title is over {limit} characters: shorten it.',
  myReplyUnknownVariable: '{{name}} is not a variable: use one of {known}, or write the text itself.',
  myReplyPersonalData:
    '“{found}” looks like a customer’s personal data ({kind}). A kept reply must not hold it: remove it, or use [[a blank]] to fill each time.',
  myReplyShortcutFormat: 'A shortcut is one word of at most {limit} letters or digits (also “.”, “_”, “-”), e.g. tks.',
  myReplyShortcutTaken: '“{title}” already has this shortcut: choose another.',
  myReplyNoScope: 'Tick at least one scenario or step where this reply should be offered.',
  myReplyTooMany: 'You keep {limit} replies already, the most there is room for: delete one you no longer use.',
  myReplySaved: 'Saved “{title}” to my replies.',
  myReplyDeleted: 'Deleted “{title}”.',
  myReplyReadOnly: 'Your team’s policy keeps personal replies as they are: they cannot be changed here.',
  myReplyOff: 'Your team’s policy has turned personal replies off.',
  myReplyNoDraft: 'The reply box is empty: type the reply first, then save it.',
  myReplyMine: 'Mine',
  myReplyChange: 'Change',
  myReplyDelete: 'Delete',
  myReplyDeleteLabel: 'Delete my reply “{title}”',
  myRepliesExplain:
    'Replies you keep for yourself. They are offered first in their scenarios, in search and after ;; and follow your browser profile when it syncs.',
  myRepliesEmpty:
    'No replies of your own yet. Save one from the panel (“Save draft as my reply”, or Edit then “Save as my reply”), or press New reply.',
  myRepliesExport: 'Export as a pack',
  myRepliesKeptHere: 'Too many to sync: kept on this device only. Export them to keep a copy.',
  myReplyMoveUp: 'Move “{title}” up',
  myReplyMoveDown: 'Move “{title}” down',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

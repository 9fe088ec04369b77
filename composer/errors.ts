// Every text the composer layer shows or throws when writing into a helpdesk's editor fails, in one place.

export const composerErrors = {
  detached: () =>
    'The reply box is no longer on the page (the helpdesk re-rendered it). Click into the reply box and try again.',
  notEditable: () =>
    'The reply box is read-only right now (sending, or closed conversation). Wait until it can be edited and try again.',
  notInserted: (kind: string) =>
    `The ${kind} reply box did not accept the text. Click into the reply box and try again, or copy the reply and paste it by hand.`,
  rangeOutOfDraft: (start: number, end: number, length: number) =>
    `The span ${start}–${end} is outside the draft (${length} characters): the draft changed since it was checked. Check it again.`,
  bridgeUnavailable: () => 'The page helper for this editor is not loaded; Huashu used a paste instead.',
  bridgeTimeout: (ms: number) => `The page helper did not answer within ${ms} ms.`,
  bridgeNoEditor: () => 'The page helper found no CKEditor 5 instance behind the reply box.',
  bridgeFailed: (detail: string) => `The editor refused the insertion: ${detail}`,
} as const;

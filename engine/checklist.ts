// The conversation checklist (质检): each item of the packs' checklist met, missed or still open for one conversation, and the score they leave.
import { createPhraseFinder } from './lint.ts';
import type { WordClasses } from './rule-pattern.ts';
import type { ChecklistItemState, ChecklistResult, ChecklistTurn, MergedChecklist, Severity } from './types.ts';

export type ChecklistReader = (turns: readonly ChecklistTurn[], now: number) => ChecklistResult;

export interface ChecklistReading {
  read: ChecklistReader;
  /** The ids of the items whose phrases a reply holds: what a long audit keeps of each reply instead of its text. */
  phrasesIn(text: string): string[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The most severe of a reply's findings, as a checklist turn keeps it; undefined for a clean reply. */
export function worstSeverity(findings: ReadonlyArray<{ severity: Severity }>): Severity | undefined {
  let worst: Severity | undefined;
  for (const { severity } of findings)
    if (worst === undefined || SEVERITY_RANK[severity] > SEVERITY_RANK[worst]) worst = severity;
  return worst;
}

/**
 * Compiles every item's phrases into one automaton (one pass over a reply finds them all); the reader then scores a
 * conversation item by item.
 */
export function createChecklistReader(checklist: MergedChecklist, classes?: WordClasses): ChecklistReading {
  const phrasesIn = createPhraseFinder(
    checklist.items
      .filter((item) => (item.phrases ?? []).length > 0)
      .map((item) => ({ id: item.id, phrases: item.phrases! })),
    classes,
  );
  const read: ChecklistReader = (turns, now) => {
    // What each reply says, found once a reply: the audit brings it along, the page brings the text.
    const saying = new Map<ChecklistTurn, readonly string[]>();
    const saysOf = (turn: ChecklistTurn): readonly string[] => {
      if (turn.says) return turn.says;
      let found = saying.get(turn);
      if (!found) saying.set(turn, (found = phrasesIn(turn.text ?? '')));
      return found;
    };
    const replies = turns.filter((turn) => turn.role === 'agent');
    const results = checklist.items.map((item): ChecklistResult['items'][number] => {
      const state = stateOf(item, (turn) => saysOf(turn).includes(item.id), turns, replies, now);
      return { id: item.id, state, lost: state === 'missed' ? item.deduction : 0, deduction: item.deduction };
    });
    const score = Math.max(0, 100 - results.reduce((sum, r) => sum + r.lost, 0));
    return { score, passScore: checklist.passScore, passed: score >= checklist.passScore, items: results };
  };
  return { read, phrasesIn };
}

type Item = MergedChecklist['items'][number];

function stateOf(
  item: Item,
  says: (turn: ChecklistTurn) => boolean,
  turns: readonly ChecklistTurn[],
  replies: readonly ChecklistTurn[],
  now: number,
): ChecklistItemState {
  const said = (turn: ChecklistTurn | undefined) => turn !== undefined && says(turn);
  switch (item.kind) {
    case 'said':
      if (item.when === 'first-reply') return replies.length === 0 ? 'open' : said(replies[0]) ? 'met' : 'missed';
      if (item.when === 'last-reply') return said(replies.at(-1)) ? 'met' : 'open';
      return replies.some(said) ? 'met' : 'open';
    case 'answered':
      return answeredState(item, said, turns);
    case 'noFinding': {
      if (replies.length === 0) return 'open';
      const bar = SEVERITY_RANK[item.severity ?? 'error'];
      return replies.some((r) => r.worstSeverity !== undefined && SEVERITY_RANK[r.worstSeverity] >= bar)
        ? 'missed'
        : 'met';
    }
    case 'firstReplyWithin':
    case 'replyWithin':
      return timingState(item.kind === 'firstReplyWithin', (item.seconds ?? 60) * 1000, turns, now);
  }
}

/** After each customer message of the item's scenarios, the agent's next reply must say one of the phrases. */
function answeredState(
  item: Item,
  said: (turn: ChecklistTurn | undefined) => boolean,
  turns: readonly ChecklistTurn[],
): ChecklistItemState {
  const scenarios = new Set(item.scenarios ?? []);
  let state: ChecklistItemState = 'notApplicable';
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    if (turn.role !== 'customer' || !(turn.scenarios ?? []).some((id) => scenarios.has(id))) continue;
    const next = turns.slice(i + 1).find((t) => t.role === 'agent');
    if (!next) return 'open';
    if (!said(next)) return 'missed';
    state = 'met';
  }
  return state;
}

/**
 * Reply times: from the first customer message a reply answers to that reply. Only messages seen arriving are timed;
 * one still unanswered counts once it is older than the limit.
 */
function timingState(
  firstOnly: boolean,
  limit: number,
  turns: readonly ChecklistTurn[],
  now: number,
): ChecklistItemState {
  let timed = 0;
  let stretchStart: number | undefined;
  let inStretch = false;
  for (const turn of turns) {
    if (turn.role === 'customer') {
      if (!inStretch) stretchStart = turn.seenAt;
      inStretch = true;
      continue;
    }
    if (!inStretch) continue;
    inStretch = false;
    if (stretchStart === undefined || turn.seenAt === undefined) {
      if (firstOnly) return 'notApplicable';
      continue;
    }
    if (turn.seenAt - stretchStart > limit) return 'missed';
    timed++;
    if (firstOnly) return 'met';
  }
  if (inStretch && stretchStart !== undefined && now - stretchStart > limit) return 'missed';
  return timed > 0 ? 'met' : 'open';
}

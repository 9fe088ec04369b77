// Merges packs in priority order: a later pack extends or replaces an earlier one's scenarios and stages, and overrides its rules.
import { STANDARD_CLASSES } from './word-classes.ts';
import { EMOTIONS, WARNING_CATEGORIES } from './types.ts';
import type {
  MergedChecklist,
  MergedDraftExamples,
  MergedPacks,
  MergedReply,
  MergedRule,
  MergedScenario,
  MergedStage,
  Pack,
  Reply,
  VariableDefinition,
} from './types.ts';

/** The pass line of a conversation checklist no pack sets: the seeds fail a conversation that scores 60 (seed 002). */
const DEFAULT_PASS_SCORE = 80;

function tagReplies(replies: readonly Reply[] | undefined, pack: Pack): MergedReply[] {
  return (replies ?? []).map((reply) => ({ ...reply, packId: pack.id, locale: pack.locale }));
}

/**
 * Whether two replies are the same reply in the same language: a later pack's reply replaces only that one. The same id
 * in another language is a translation (the built-in packs share their ids across zh-CN, zh-TW and en), kept beside it so
 * that a customer writing English still gets the English wording; the panel shows one language of each (ranking.ts).
 */
export function sameReply(a: Pick<MergedReply, 'id' | 'locale'>, b: Pick<MergedReply, 'id' | 'locale'>): boolean {
  return a.id === b.id && a.locale.toLowerCase().replace('_', '-') === b.locale.toLowerCase().replace('_', '-');
}

/**
 * Puts `incoming` (a pack of higher priority) before `existing`, in its own order: a team's replies lead the built-in
 * ones, including those it rewrites. The same reply in the same language is kept once, the incoming one.
 */
function mergeReplies(existing: MergedReply[], incoming: MergedReply[]): MergedReply[] {
  return [...incoming, ...existing.filter((reply) => !incoming.some((replacing) => sameReply(reply, replacing)))];
}

function union(a: readonly string[], b: readonly string[] | undefined): string[] {
  const seen = new Set(a);
  const out = [...a];
  for (const item of b ?? []) {
    if (!seen.has(item)) {
      seen.add(item);
      out.push(item);
    }
  }
  return out;
}

export function mergePacks(packs: readonly Pack[]): MergedPacks {
  const scenarios = new Map<string, MergedScenario>();
  const stages = new Map<string, MergedStage>();
  const rules = new Map<string, MergedRule>();
  const variables: Record<string, VariableDefinition> = {};
  // The standard classes first: a pack's class of the same name adds to them.
  const classes: Record<string, string[]> = Object.fromEntries(
    Object.entries(STANDARD_CLASSES).map(([name, members]) => [name, [...members]]),
  );
  let noScenarioExamples: string[] = [];
  const draftExamples: MergedDraftExamples = { flawed: {}, clean: [], notes: [] };
  const emotionExamples: MergedPacks['emotionExamples'] = { calm: [], anxious: [], angry: [] };
  const checklistItems = new Map<string, MergedChecklist['items'][number]>();
  let passScore = DEFAULT_PASS_SCORE;

  for (const pack of packs) {
    if (pack.checklist?.passScore !== undefined) passScore = pack.checklist.passScore;
    for (const item of pack.checklist?.items ?? []) {
      const earlier = checklistItems.get(item.id);
      checklistItems.delete(item.id);
      if (item.disabled) continue;
      // The same item in another language's pack adds its phrases: an English reply meets it as a Chinese one does.
      const sameKind = earlier !== undefined && earlier.kind === item.kind;
      checklistItems.set(item.id, {
        ...item,
        phrases: sameKind ? union(earlier.phrases ?? [], item.phrases) : item.phrases,
        scenarios: sameKind ? union(earlier.scenarios ?? [], item.scenarios) : item.scenarios,
        packIds: sameKind ? union(earlier.packIds, [pack.id]) : [pack.id],
      });
    }
    noScenarioExamples = union(noScenarioExamples, pack.noScenarioExamples);
    addDraftExamples(draftExamples, pack);
    for (const emotion of EMOTIONS)
      emotionExamples[emotion] = union(emotionExamples[emotion], pack.emotionExamples?.[emotion]);
    for (const scenario of pack.scenarios ?? []) {
      const earlier = scenarios.get(scenario.id);
      const replies = tagReplies(scenario.replies, pack);
      if (!earlier || scenario.merge === 'replace') {
        scenarios.set(scenario.id, {
          id: scenario.id,
          title: scenario.title,
          triggers: union([], scenario.triggers),
          examples: union([], scenario.examples),
          counterExamples: union([], scenario.counterExamples),
          replies,
          tips: union([], scenario.tips),
          packIds: [pack.id],
        });
      } else {
        scenarios.set(scenario.id, {
          id: scenario.id,
          title: scenario.title,
          triggers: union(earlier.triggers, scenario.triggers),
          examples: union(earlier.examples, scenario.examples),
          counterExamples: union(earlier.counterExamples ?? [], scenario.counterExamples),
          replies: mergeReplies(earlier.replies, replies),
          tips: union(earlier.tips, scenario.tips),
          packIds: union(earlier.packIds, [pack.id]),
        });
      }
    }
    for (const stage of pack.stages ?? []) {
      const earlier = stages.get(stage.id);
      const replies = tagReplies(stage.replies, pack);
      if (!earlier || stage.merge === 'replace') {
        stages.set(stage.id, {
          id: stage.id,
          title: stage.title,
          replies,
          triggers: union([], stage.triggers),
          tips: union([], stage.tips),
          packIds: [pack.id],
        });
      } else {
        stages.set(stage.id, {
          id: stage.id,
          title: stage.title,
          replies: mergeReplies(earlier.replies, replies),
          triggers: union(earlier.triggers ?? [], stage.triggers),
          tips: union(earlier.tips, stage.tips),
          packIds: union(earlier.packIds, [pack.id]),
        });
      }
    }
    for (const rule of pack.rules ?? []) {
      // Delete first so an overriding rule takes the later position, as its pack does.
      rules.delete(rule.id);
      if (!rule.disabled)
        rules.set(
          rule.id,
          pack.schemaVersion === 1 ? { ...rule, packId: pack.id, literal: true } : { ...rule, packId: pack.id },
        );
    }
    for (const [name, members] of Object.entries(pack.classes ?? {})) {
      const earlier = Object.hasOwn(classes, name) ? classes[name]! : [];
      Object.defineProperty(classes, name, {
        value: union(earlier, members),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    for (const [name, definition] of Object.entries(pack.variables ?? {})) {
      Object.defineProperty(variables, name, {
        value: definition,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }

  return {
    scenarios: [...scenarios.values()],
    stages: [...stages.values()],
    rules: [...rules.values()],
    variables,
    classes,
    noScenarioExamples,
    draftExamples,
    emotionExamples,
    checklist: { passScore, items: [...checklistItems.values()] },
  };
}

/** Adds a pack's labelled drafts to every earlier pack's, and its notes with the pack's language. */
function addDraftExamples(merged: MergedDraftExamples, pack: Pack): void {
  const examples = pack.draftExamples;
  if (!examples) return;
  for (const category of WARNING_CATEGORIES) {
    const drafts = examples.flawed?.[category];
    if (drafts) merged.flawed[category] = union(merged.flawed[category] ?? [], drafts);
    const note = examples.notes?.[category];
    if (note !== undefined) merged.notes.push({ category, locale: pack.locale, text: note });
  }
  merged.clean = union(merged.clean, examples.clean);
}

export interface MergeWinner {
  kind: 'scenario' | 'stage' | 'rule';
  id: string;
  /** The pack whose title/rule is in force. */
  winner: string;
  /** Every pack that defines it, in priority order. */
  definedBy: string[];
}

/** For each scenario, stage and rule id: which packs define it and which one wins (for the options page). */
export function explainMerge(packs: readonly Pack[]): MergeWinner[] {
  const table = new Map<string, MergeWinner>();
  const note = (kind: MergeWinner['kind'], id: string, packId: string): void => {
    const key = `${kind}:${id}`;
    const entry = table.get(key) ?? { kind, id, winner: packId, definedBy: [] };
    entry.winner = packId;
    entry.definedBy.push(packId);
    table.set(key, entry);
  };
  for (const pack of packs) {
    for (const s of pack.scenarios ?? []) note('scenario', s.id, pack.id);
    for (const s of pack.stages ?? []) note('stage', s.id, pack.id);
    for (const r of pack.rules ?? []) note('rule', r.id, pack.id);
  }
  return [...table.values()];
}

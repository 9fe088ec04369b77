// Turns the tab state and the merged packs into the panel's view data (pure: the panel's wiring and tests share it).
import type {
  ScenarioMatch,
  SensitiveSpan,
  MergedReply,
  MergedScenario,
  MergedStage,
  MergedPacks,
  Pack,
} from '../../engine/types.ts';
import { languageTier, isMyRepliesPack, rankReplies, renderFields, type ReplyUsageCounts } from '../../engine/index.ts';
import type { ChecklistResult, PhraseHit } from '../../engine/index.ts';
import type {
  ChecklistView,
  Confidence,
  DetectionView,
  PageStatus,
  ReplyView,
  ScenarioChoice,
  StageView,
} from '../../components/panel/types.ts';
import type { TabState } from '../../utils/messaging.ts';

/**
 * Scores at or above this read "very likely"; the detector already abstains below its own floor (0.5). Chosen from the
 * reliability table `npm run eval` prints: on the blind dev set, answers scored 0.95 or more were right 98 % of the
 * time, those between 0.7 and 0.95 about 80 %, so only the first earn the stronger word.
 */
export const LIKELY_SCORE = 0.95;

export function confidenceOf(score: number): Confidence {
  return score >= LIKELY_SCORE ? 'likely' : 'possible';
}

/** What the panel knows about the page it follows. */
export type Connection =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'unreachable'; url?: string }
  | { kind: 'connected'; state: TabState };

/** Pages no extension may script: the agent must switch tabs, not reload. */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return false;
  if (!/^https?:/iu.test(url)) return true;
  return /^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org)\b/iu.test(url);
}

export function pageStatusOf(connection: Connection): PageStatus {
  switch (connection.kind) {
    case 'loading':
    case 'no-tab':
      return { kind: connection.kind };
    case 'unreachable':
      return { kind: 'unreachable', restricted: isRestrictedUrl(connection.url) };
    case 'connected': {
      const { site, active } = connection.state;
      if (!site) return { kind: 'not-helpdesk' };
      // The generic adapter has no helpdesk name of its own: the panel names it in the agent's language.
      const generic = site.id === 'generic';
      if (!active) return { kind: 'site-off', siteName: site.name, ...(generic && { generic }) };
      return { kind: 'ready', siteName: site.name, ...(generic && { generic }) };
    }
  }
}

/** A scenario's or stage's title in the UI language when the pack has one (merging keeps only the last pack's title). */
export type TitleOf = (scopeId: string) => string | undefined;
/** A scenario's tips in the UI language (merging concatenates every pack's tips, in every language). */
export type TipsOf = (scopeId: string) => string[] | undefined;

function bestByLanguage<T>(
  packs: readonly Pack[],
  uiLocale: string,
  pick: (scope: { id: string; title: string; tips?: string[] }) => T | undefined,
): (scopeId: string) => T | undefined {
  const best = new Map<string, { tier: number; value: T }>();
  for (const pack of packs) {
    const tier = languageTier(pack.locale, uiLocale);
    for (const scope of [...(pack.scenarios ?? []), ...(pack.stages ?? [])]) {
      const value = pick(scope);
      if (value === undefined) continue;
      const current = best.get(scope.id);
      // Later packs win among equals, as in merging.
      if (!current || tier <= current.tier) best.set(scope.id, { tier, value });
    }
  }
  return (scopeId) => best.get(scopeId)?.value;
}

export function localizedTitles(packs: readonly Pack[], uiLocale: string): TitleOf {
  return bestByLanguage(packs, uiLocale, (scope) => scope.title);
}

export function localizedTips(packs: readonly Pack[], uiLocale: string): TipsOf {
  return bestByLanguage(packs, uiLocale, (scope) => (scope.tips && scope.tips.length > 0 ? scope.tips : undefined));
}

export interface DetectionInputs {
  scenario: (id: string) => MergedScenario | undefined;
  titleOf?: TitleOf;
  tipsOf?: TipsOf;
  /** engine/sensitive.ts maskSensitive. */
  mask: (text: string, spans: SensitiveSpan[]) => string;
}

export function buildDetectionView(latest: TabState['latest'], inputs: DetectionInputs): DetectionView | null {
  if (!latest) return null;
  const { detection } = latest;
  const scenarios = detection.scenarios
    .map((match: ScenarioMatch) => {
      const scenario = inputs.scenario(match.id);
      // A scenario of a pack the panel does not have (packs changing meanwhile) has nothing to offer.
      const title = inputs.titleOf?.(match.id) ?? scenario?.title;
      if (!scenario || !title) return null;
      return {
        id: match.id,
        title,
        confidence: confidenceOf(match.score),
        tips: inputs.tipsOf?.(match.id) ?? scenario.tips,
        ...(match.id === latest.mainScenario && { main: true }),
      };
    })
    .filter((s) => s !== null);
  const hasSensitive = detection.sensitive.length > 0;
  return {
    messageId: latest.messageId,
    scenarios,
    emotion: detection.emotion,
    followUp: latest.followUpOf !== undefined,
    maskedMessage: hasSensitive ? inputs.mask(detection.text, detection.sensitive) : undefined,
    sensitiveKinds: detection.sensitive.filter((span) => !span.suspected).map((span) => span.kind),
    suspectedKinds: detection.sensitive.filter((span) => span.suspected).map((span) => span.kind),
  };
}

export interface ReplyInputs {
  uiLocale: string;
  /** How often each reply was inserted, as shown on it ("used 3 times"). */
  usage: ReplyUsageCounts;
  /**
   * The usage the order is ranked by: as it was when the conversation opened, so an insert never moves the replies
   * under the agent's cursor or changes what Alt+Shift+1 inserts (absent: `usage`).
   */
  rankingUsage?: ReplyUsageCounts;
  /** Fills {customer}, {agentName}… (engine/variables.ts fillVariables with the panel's values). */
  fill: (text: string) => string;
  titleOf?: TitleOf;
}

function replyView(
  reply: MergedReply,
  scopeId: string,
  scopeTitle: string,
  uses: number,
  inputs: ReplyInputs,
): ReplyView {
  const text = inputs.fill(reply.text);
  return {
    key: `${scopeId}|${reply.packId}|${reply.id}`,
    id: reply.id,
    scopeId,
    scopeTitle,
    title: reply.title ?? Array.from(text).slice(0, 24).join(''),
    text,
    shown: renderFields(text).text,
    locale: reply.locale,
    otherLanguage: languageTier(reply.locale, inputs.uiLocale) === 2,
    uses,
    ...(isMyRepliesPack(reply.packId) ? { mine: reply.id.replace(/^mine\./u, '') } : {}),
  };
}

/** The replies of one scenario or stage: the agent's own first, then UI language, then the most used; variables filled. */
export function buildScopeReplies(scope: MergedScenario | MergedStage | undefined, inputs: ReplyInputs): ReplyView[] {
  if (!scope) return [];
  const title = inputs.titleOf?.(scope.id) ?? scope.title;
  const ranked = rankReplies(scope.replies, inputs.uiLocale, (inputs.rankingUsage ?? inputs.usage)[scope.id]);
  const isMine = (entry: (typeof ranked)[number]) => isMyRepliesPack(entry.reply.packId);
  return [...ranked.filter(isMine), ...ranked.filter((entry) => !isMine(entry))].map((entry) =>
    replyView(entry.reply, scope.id, title, inputs.usage[scope.id]?.[entry.reply.id] ?? 0, inputs),
  );
}

/**
 * Search hits by how they matched, then the UI language first, then relevance; variables filled and uses shown. A reply
 * found in several languages is listed once, in the best-matched and closest language.
 */
export function buildSearchReplies(hits: readonly PhraseHit[], inputs: ReplyInputs): ReplyView[] {
  const listed = new Set<string>();
  return hits
    .map((hit, order) => ({ hit, order, kind: hit.matchRank, tier: languageTier(hit.reply.locale, inputs.uiLocale) }))
    .sort((a, b) => a.kind - b.kind || a.tier - b.tier || a.order - b.order)
    .filter(({ hit }) => {
      const key = `${hit.scopeId}|${hit.reply.id}`;
      if (listed.has(key)) return false;
      listed.add(key);
      return true;
    })
    .map(({ hit }) => {
      const title = inputs.titleOf?.(hit.scopeId) ?? hit.scopeTitle;
      return replyView(hit.reply, hit.scopeId, title, inputs.usage[hit.scopeId]?.[hit.reply.id] ?? 0, inputs);
    });
}

export function buildStageViews(merged: Pick<MergedPacks, 'stages'>, titleOf?: TitleOf): StageView[] {
  return merged.stages
    .filter((stage) => stage.replies.length > 0)
    .map((stage) => ({ id: stage.id, title: titleOf?.(stage.id) ?? stage.title }));
}

/** Every scenario of the packs, titled in the interface language and sorted by title, for the agent to pick when teaching. */
export function scenarioChoices(
  merged: Pick<MergedPacks, 'scenarios'>,
  uiLocale: string,
  titleOf?: TitleOf,
): ScenarioChoice[] {
  const collator = new Intl.Collator(uiLocale);
  return merged.scenarios
    .map((scenario) => ({ id: scenario.id, title: titleOf?.(scenario.id) ?? scenario.title }))
    .sort((a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1));
}

/** The checklist the content script read, with each item's title in the interface language. */
export function buildChecklistView(result: ChecklistResult, titleOf: (id: string) => string): ChecklistView {
  return {
    score: result.score,
    passScore: result.passScore,
    passed: result.passed,
    items: result.items.map((item) => ({ id: item.id, title: titleOf(item.id), state: item.state, lost: item.lost })),
  };
}

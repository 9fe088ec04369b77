// Whom packs, scenarios and replies are for: the packs an agent gets, cut to their level, team and site.
import type { Audience, Pack, Reply } from './types.ts';

/** The agent and the page: a value left empty does not filter (an agent without a level sees every level's replies). */
export interface AgentPlace {
  level?: string;
  team?: string;
  /** The page's host name; absent where no page is known (the background). */
  site?: string;
}

const fold = (value: string) => value.normalize('NFKC').trim().toLowerCase();

function siteMatches(pattern: string, host: string): boolean {
  const wanted = fold(pattern);
  if (wanted.startsWith('*.')) {
    const base = wanted.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === wanted;
}

/** True when an item with this audience is for the agent at this place. */
function isFor(audience: Audience | undefined, place: AgentPlace): boolean {
  if (!audience) return true;
  const level = fold(place.level ?? '');
  const team = fold(place.team ?? '');
  const site = fold(place.site ?? '');
  if (audience.levels && level && !audience.levels.some((l) => fold(l) === level)) return false;
  if (audience.teams && team && !audience.teams.some((t) => fold(t) === team)) return false;
  if (audience.sites && site && !audience.sites.some((s) => siteMatches(s, site))) return false;
  return true;
}

/** The packs cut to what is for this agent here: whole packs, scenarios and replies of other audiences left out. */
export function packsForAgent(packs: readonly Pack[], place: AgentPlace): Pack[] {
  const keep = (replies: Reply[] | undefined) => replies?.filter((reply) => isFor(reply.audience, place));
  return packs
    .filter((pack) => isFor(pack.audience, place))
    .map((pack) => ({
      ...pack,
      ...(pack.scenarios && {
        scenarios: pack.scenarios
          .filter((scenario) => isFor(scenario.audience, place))
          .map((scenario) => (scenario.replies ? { ...scenario, replies: keep(scenario.replies) } : scenario)),
      }),
      ...(pack.stages && { stages: pack.stages.map((stage) => ({ ...stage, replies: keep(stage.replies) ?? [] })) }),
    }));
}

/** Every level and team the packs name, for the agent to pick from (sorted, each once). */
export function audienceNames(packs: readonly Pack[]): { levels: string[]; teams: string[] } {
  const levels = new Set<string>();
  const teams = new Set<string>();
  const add = (audience: Audience | undefined) => {
    for (const level of audience?.levels ?? []) levels.add(level);
    for (const team of audience?.teams ?? []) teams.add(team);
  };
  for (const pack of packs) {
    add(pack.audience);
    for (const scenario of pack.scenarios ?? []) {
      add(scenario.audience);
      for (const reply of scenario.replies ?? []) add(reply.audience);
    }
    for (const stage of pack.stages ?? []) for (const reply of stage.replies) add(reply.audience);
  }
  return { levels: [...levels].sort(), teams: [...teams].sort() };
}

// Turns the stored library into what the options page shows: pack rows with counts and "wins over", import previews.
import type { ImportCheckView, PackRowView } from '../../components/options/types.ts';
import { audienceNames, type Pack } from '../../engine/index.ts';
import { explainMerge } from '../../engine/packs.ts';
import { describeProblem, type LibraryLocale } from '../../library/errors.ts';
import type { ImportCheck } from '../../library/library.ts';
import type { PackEntry } from '../../utils/packs.ts';

export function buildPackRows(entries: readonly PackEntry[]): PackRowView[] {
  const enabled = entries.filter((e) => e.enabled).map((e) => e.pack);
  // For each pack: the enabled packs it beats on some scenario, stage or rule id, and on how many ids.
  const wins = new Map<string, Map<string, number>>();
  for (const w of explainMerge(enabled)) {
    for (const loser of w.definedBy) {
      if (loser === w.winner) continue;
      const row = wins.get(w.winner) ?? new Map<string, number>();
      row.set(loser, (row.get(loser) ?? 0) + 1);
      wins.set(w.winner, row);
    }
  }
  return entries.map((entry) => {
    const { pack, installed } = entry;
    const source = installed?.source ?? { kind: 'builtin' as const };
    const scopes = [...(pack.scenarios ?? []), ...(pack.stages ?? [])];
    return {
      id: pack.id,
      name: pack.name,
      version: pack.version,
      locale: pack.locale,
      source: source.kind,
      sourceDetail: source.kind === 'file' ? source.fileName : source.kind === 'url' ? source.url : undefined,
      scenarios: pack.scenarios?.length ?? 0,
      replies: scopes.reduce((sum, s) => sum + (s.replies?.length ?? 0), 0),
      rules: pack.rules?.length ?? 0,
      updatedAt: installed?.updatedAt,
      enabled: entry.enabled,
      canDisable: source.kind !== 'policy',
      canRemove: !entry.builtin && source.kind !== 'policy',
      winsOver: [...(wins.get(pack.id) ?? new Map<string, number>())].map(([packId, count]) => ({ packId, count })),
      audience: audienceOf(pack),
      error: source.kind === 'url' ? source.lastError : undefined,
    };
  });
}

/** A check as the page shows it; the library's own refusals are phrased in the page's `locale`. */
export function importCheckView(check: ImportCheck, locale: LibraryLocale): ImportCheckView {
  if (!check.ok) return { ok: false, problems: check.problems.map((problem) => describeProblem(problem, locale)) };
  const { pack, adds, overrides, replaces, notices } = check.preview;
  return {
    ok: true,
    preview: {
      packId: pack.id,
      name: pack.name,
      version: pack.version,
      adds,
      overrides,
      replacesVersion: replaces?.pack.version,
      notices: notices.map((notice) => describeProblem(notice, locale)),
    },
  };
}

/** Pasted text has no file name: the format is guessed from its first characters, and problems name it "pasted.<ext>". */
export function pastedFileName(text: string): string {
  const start = text.replace(/^\uFEFF/u, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'pasted.json';
  const firstLine = start.split(/\r?\n/u, 1)[0] ?? '';
  if (/^"?kind"?\s*,/u.test(firstLine) || /,\s*"?kind"?\s*(,|$)/u.test(firstLine)) return 'pasted.csv';
  return 'pasted.yaml';
}

/** The levels, teams and sites a pack names anywhere (itself, its scenarios, its replies); undefined when none. */
function audienceOf(pack: Pack): PackRowView['audience'] {
  const { levels, teams } = audienceNames([pack]);
  const sites = new Set<string>(pack.audience?.sites ?? []);
  for (const scenario of pack.scenarios ?? []) {
    for (const site of scenario.audience?.sites ?? []) sites.add(site);
    for (const reply of scenario.replies ?? []) for (const site of reply.audience?.sites ?? []) sites.add(site);
  }
  if (levels.length + teams.length + sites.size === 0) return undefined;
  return { levels, teams, sites: [...sites].sort() };
}

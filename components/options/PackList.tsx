// The installed packs, highest priority first: what each holds, where it came from, and on/off, priority, edit (or copy to edit), export and remove.
import { useI18n } from '../common/i18n.tsx';
import type { PackRowView } from './types.ts';

export interface PackListProps {
  /** In priority order as the engine merges them: later packs win. */
  packs: PackRowView[];
  onToggle: (id: string, enabled: boolean) => void;
  onMove: (id: string, direction: 'up' | 'down') => void;
  onRemove: (id: string) => void;
  onExport: (id: string) => void;
  /** Fetches a pack added from an address again. */
  onRefresh: (id: string) => void;
  /** Opens a pack from a file or pasted text in the editor (absent: no editor, as in component tests of other parts). */
  onEdit?: (id: string) => void;
  /** Copies a pack from an address or a policy as one to edit. */
  onCopyToEdit?: (id: string) => void;
}

export function PackList(props: PackListProps) {
  const { t, locale } = useI18n();
  // The pack that wins is listed first: people read "higher" as "more important".
  const rows = [...props.packs].reverse();
  const names = new Map(props.packs.map((p) => [p.id, p.name]));
  const sourceText = (row: PackRowView): string => {
    if (row.source === 'file') return t('source_file', { name: row.sourceDetail ?? '' });
    if (row.source === 'url') return t('source_url', { url: row.sourceDetail ?? '' });
    return t(`source_${row.source}`);
  };
  return (
    <ol class="pack-list" data-testid="pack-list">
      {rows.map((row, index) => (
        <li class={`pack-row${row.enabled ? '' : ' pack-off'}`} key={row.id} data-pack-id={row.id}>
          <div class="pack-head">
            <strong class="pack-name">{row.name}</strong>
            <span class="tag">{t('packVersion', { version: row.version })}</span>
            <span class="tag">{row.locale}</span>
            {/* A built-in pack's id is its language: said once. */}
            {row.id !== row.locale && <code class="pack-id">{row.id}</code>}
          </div>
          <div class="pack-meta muted">
            <span>{sourceText(row)}</span>
            {' · '}
            <span data-testid="pack-counts">
              {t('packCounts', { scenarios: row.scenarios, replies: row.replies, rules: row.rules })}
            </span>
            {row.updatedAt !== undefined && (
              <>
                {' · '}
                <span>{t('packUpdated', { date: new Date(row.updatedAt).toLocaleString(locale) })}</span>
              </>
            )}
          </div>
          {row.audience && (
            <div class="pack-audience muted" data-testid="pack-audience">
              {t('audienceFor', {
                who: [
                  row.audience.levels.length > 0 && t('audienceLevels', { names: row.audience.levels.join(', ') }),
                  row.audience.teams.length > 0 && t('audienceTeams', { names: row.audience.teams.join(', ') }),
                  row.audience.sites.length > 0 && t('audienceSites', { names: row.audience.sites.join(', ') }),
                ]
                  .filter(Boolean)
                  .join(' · '),
              })}
            </div>
          )}
          {row.enabled && row.winsOver.length > 0 && (
            <div class="pack-wins muted">
              {t('winsOver', {
                packs: row.winsOver
                  .map((w) => t('winsOverItem', { pack: names.get(w.packId) ?? w.packId, count: w.count }))
                  .join(', '),
              })}
            </div>
          )}
          {row.error && (
            <div class="pack-error" role="status">
              {row.error}
            </div>
          )}
          <div class="pack-actions">
            <label class="toggle">
              <input
                type="checkbox"
                checked={row.enabled}
                disabled={!row.canDisable}
                aria-label={t('packEnabledLabel', { name: row.name })}
                onChange={(event) => props.onToggle(row.id, (event.currentTarget as HTMLInputElement).checked)}
              />
              {t('packEnabled')}
            </label>
            <button
              type="button"
              class="button button-small"
              disabled={index === 0}
              aria-label={t('moveUpLabel', { name: row.name })}
              onClick={() => props.onMove(row.id, 'up')}
            >
              {t('moveUp')}
            </button>
            <button
              type="button"
              class="button button-small"
              disabled={index === rows.length - 1}
              aria-label={t('moveDownLabel', { name: row.name })}
              onClick={() => props.onMove(row.id, 'down')}
            >
              {t('moveDown')}
            </button>
            <button
              type="button"
              class="button button-small"
              aria-label={t('exportPackLabel', { name: row.name })}
              onClick={() => props.onExport(row.id)}
            >
              {t('exportPack')}
            </button>
            {props.onEdit && (row.source === 'file' || row.source === 'paste') && (
              <button
                type="button"
                class="button button-small"
                data-testid="edit-pack"
                aria-label={t('editPackLabel', { name: row.name })}
                onClick={() => props.onEdit?.(row.id)}
              >
                {t('editPack')}
              </button>
            )}
            {props.onCopyToEdit && (row.source === 'url' || row.source === 'policy') && (
              <button
                type="button"
                class="button button-small"
                aria-label={t('copyToEditLabel', { name: row.name })}
                onClick={() => props.onCopyToEdit?.(row.id)}
              >
                {t('copyToEdit')}
              </button>
            )}
            {row.source === 'url' && (
              <button
                type="button"
                class="button button-small"
                aria-label={t('refreshPackLabel', { name: row.name })}
                onClick={() => props.onRefresh(row.id)}
              >
                {t('refreshPack')}
              </button>
            )}
            {row.canRemove && (
              <button
                type="button"
                class="button button-small"
                aria-label={t('removePackLabel', { name: row.name })}
                onClick={() => props.onRemove(row.id)}
              >
                {t('removePack')}
              </button>
            )}
            {row.source === 'policy' && <span class="muted">{t('lockedPolicy')}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}

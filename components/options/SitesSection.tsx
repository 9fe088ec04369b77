// The sites Huashu is on or off for, with the access each needs: add a site by its address, turn one off, forget it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteAddressParts, SiteRowView } from '../../utils/site-view.ts';
import { useI18n } from '../common/i18n.tsx';
import type { ActionResult } from './types.ts';

export interface SitesSectionProps {
  sites: SiteRowView[];
  /** Where the content scripts that ship with Huashu run without asking ("*.zendesk.com", "localhost"). */
  builtInSites: string[];
  /** Asks the browser for access (from the click: browsers grant only during a gesture) and switches the site on. */
  onAddSite: (address: string) => Promise<ActionResult>;
  onTurnOn: (site: SiteAddressParts) => Promise<ActionResult>;
  onTurnOff: (host: string) => Promise<ActionResult>;
  /** Forgets the site: its on/off choice, its picks, and the access given for it. */
  onForget: (host: string) => Promise<ActionResult>;
  onForgetPicks: (host: string) => Promise<ActionResult>;
}

export function SitesSection(props: SitesSectionProps) {
  const { t } = useI18n();
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<{ host?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const addressRef = useRef<HTMLInputElement>(null);
  // The side panel sends the agent here (options.html#sites) when it cannot see the tab's address: ready to type it.
  useEffect(() => {
    if (location.hash !== '#sites') return;
    addressRef.current?.scrollIntoView?.({ block: 'center' });
    addressRef.current?.focus();
  }, []);

  const run = (host: string | undefined, action: () => Promise<ActionResult>, after?: () => void) => {
    setBusy(true);
    setProblem(null);
    void action()
      .then((result) => {
        if (result.ok) after?.();
        else setProblem({ host, message: result.message });
      })
      .finally(() => setBusy(false));
  };

  const stateText = (row: SiteRowView) => {
    if (row.state === 'on') return t('siteStateOn');
    if (row.state === 'off') return t('siteStateOff');
    return t('siteStateNeedsAccess');
  };

  return (
    <section class="card" id="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      <p class="muted">{t('sitesExplain')}</p>
      <p class="muted" data-testid="built-in-sites">
        {t('sitesBuiltIn')}{' '}
        {props.builtInSites.map((name, i) => (
          <span key={name}>
            {i > 0 && ', '}
            <code>{name}</code>
          </span>
        ))}
      </p>
      {props.sites.length === 0 ? (
        <p data-testid="sites-empty">{t('sitesEmpty')}</p>
      ) : (
        <ul class="site-list" data-testid="site-list">
          {props.sites.map((row) => (
            <li
              class={`site-row${row.state === 'on' ? '' : ' pack-off'}`}
              key={row.host}
              data-site={row.host}
              data-site-state={row.state}
            >
              <div class="pack-head">
                <strong>{row.host}</strong>
                <span class={`tag site-state-${row.state}`}>{stateText(row)}</span>
                {row.builtIn && <span class="tag">{t('siteBuiltInTag')}</span>}
                {row.picks && <span class="tag">{t('sitePicksTag')}</span>}
              </div>
              {row.state === 'needs-access' && <div class="muted">{t('siteNeedsAccessBody')}</div>}
              {problem?.host === row.host && (
                <div class="pack-error" role="alert">
                  {problem.message}
                </div>
              )}
              <div class="pack-actions">
                {row.state === 'on' ? (
                  <button
                    type="button"
                    class="button button-small"
                    disabled={busy}
                    data-action="turn-off"
                    onClick={() => run(row.host, () => props.onTurnOff(row.host))}
                  >
                    {t('siteTurnOff')}
                  </button>
                ) : (
                  <button
                    type="button"
                    class="button button-small"
                    disabled={busy}
                    data-action="turn-on"
                    onClick={() => run(row.host, () => props.onTurnOn({ host: row.host, scheme: row.scheme }))}
                  >
                    {row.state === 'needs-access' ? t('siteGrantAccess') : t('siteTurnOn')}
                  </button>
                )}
                {row.picks && (
                  <button
                    type="button"
                    class="button button-small"
                    disabled={busy}
                    data-action="forget-picks"
                    onClick={() => run(row.host, () => props.onForgetPicks(row.host))}
                  >
                    {t('siteForgetPicks')}
                  </button>
                )}
                <button
                  type="button"
                  class="button button-small"
                  disabled={busy}
                  data-action="forget"
                  aria-label={t('siteForgetLabel', { host: row.host })}
                  onClick={() => run(row.host, () => props.onForget(row.host))}
                >
                  {t('siteForget')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form
        class="add-site"
        onSubmit={(event) => {
          event.preventDefault();
          run(
            undefined,
            () => props.onAddSite(address),
            () => setAddress(''),
          );
        }}
      >
        <label class="field">
          <span>{t('siteAddLabel')}</span>
          <input
            type="text"
            name="site-address"
            ref={addressRef}
            inputMode="url"
            placeholder="https://support.example.com"
            value={address}
            aria-invalid={problem !== null && problem.host === undefined}
            aria-describedby={problem && problem.host === undefined ? 'site-add-problem' : undefined}
            onInput={(event) => setAddress((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="button" disabled={busy} data-testid="add-site">
          {t('siteAdd')}
        </button>
        {problem && problem.host === undefined && (
          <div class="pack-error" role="alert" id="site-add-problem" data-testid="site-add-problem">
            {problem.message}
          </div>
        )}
      </form>
    </section>
  );
}

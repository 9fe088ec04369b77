// "What I taught": the agent's corrections and the messages without a scenario, each deletable, labelled or exported as a pack.
import { useState } from 'preact/hooks';
import { Banner } from '../common/Banner.tsx';
import { useI18n } from '../common/i18n.tsx';
import type { ScenarioOptionView, TaughtCorrectionView, UnmatchedMessageView } from './types.ts';

/** The label for "no scenario needed": scenario ids never start with a colon. */
const NONE = ':none';

export interface TaughtSectionProps {
  /** Newest first. */
  corrections: TaughtCorrectionView[];
  /** Newest first. */
  unmatched: UnmatchedMessageView[];
  scenarios: ScenarioOptionView[];
  /** How long and how many unmatched messages are kept, as the explanation says. */
  unmatchedDays: number;
  unmatchedLimit: number;
  onDeleteCorrection: (id: string) => void;
  onDeleteUnmatched: (id: string) => void;
  /** A scenario id, or null for "no scenario needed". */
  onLabelUnmatched: (id: string, scenario: string | null) => void;
  onDeleteAll: () => void;
  /** Downloads the corrections as a pack file. */
  onExport: () => void;
}

function UnmatchedRow(
  props: { entry: UnmatchedMessageView; scenarios: ScenarioOptionView[]; date: string } & Pick<
    TaughtSectionProps,
    'onDeleteUnmatched' | 'onLabelUnmatched'
  >,
) {
  const { t } = useI18n();
  const [choice, setChoice] = useState('');
  const { entry } = props;
  return (
    <li class="taught-row" data-unmatched-id={entry.id}>
      <p class="taught-message">{entry.message}</p>
      <form
        class="taught-actions"
        onSubmit={(event) => {
          event.preventDefault();
          if (choice !== '') props.onLabelUnmatched(entry.id, choice === NONE ? null : choice);
        }}
      >
        <time class="muted" dateTime={new Date(entry.at).toISOString()}>
          {props.date}
        </time>
        <select
          aria-label={t('unmatchedPickLabel', { message: entry.message })}
          data-testid="unmatched-select"
          value={choice}
          onChange={(event) => setChoice((event.currentTarget as HTMLSelectElement).value)}
        >
          <option value="" disabled>
            {t('teachPickPlaceholder')}
          </option>
          <option value={NONE}>{t('teachNone')}</option>
          {props.scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.title}
            </option>
          ))}
        </select>
        <button type="submit" class="button button-small" data-testid="unmatched-teach" disabled={choice === ''}>
          {t('teachSave')}
        </button>
        <button
          type="button"
          class="button button-small"
          data-testid="unmatched-delete"
          aria-label={t('taughtDeleteLabel', { message: entry.message })}
          onClick={() => props.onDeleteUnmatched(entry.id)}
        >
          {t('taughtDelete')}
        </button>
      </form>
    </li>
  );
}

export function TaughtSection(props: TaughtSectionProps) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const titleOf = (id: string) => props.scenarios.find((s) => s.id === id)?.title ?? id;
  const dateOf = (at: number) => new Date(at).toLocaleDateString(locale);

  const verdicts = (c: TaughtCorrectionView): string[] => {
    const out: string[] = [];
    if (c.scenario === null) out.push(t('taughtVerdictNone'));
    else if (c.scenario !== undefined) out.push(t('taughtVerdictScenario', { scenario: titleOf(c.scenario) }));
    if (c.notScenario !== undefined && c.notScenario !== c.scenario)
      out.push(t('taughtVerdictNot', { scenario: titleOf(c.notScenario) }));
    return out;
  };

  return (
    <section class="card" id="taught" aria-labelledby="taught-heading" data-testid="taught-section">
      <h2 id="taught-heading">{t('taughtHeading')}</h2>
      <p class="muted">{t('taughtExplain')}</p>

      <h3>{t('taughtCorrectionsHeading', { count: props.corrections.length })}</h3>
      {props.corrections.length === 0 ? (
        <p class="muted" data-testid="taught-empty">
          {t('taughtEmpty')}
        </p>
      ) : (
        <ul class="taught-list">
          {props.corrections.map((c) => (
            <li key={c.id} class="taught-row" data-correction-id={c.id}>
              <p class="taught-message">{c.message}</p>
              <div class="taught-actions">
                {verdicts(c).map((verdict) => (
                  <span class="tag" key={verdict}>
                    {verdict}
                  </span>
                ))}
                <time class="muted" dateTime={new Date(c.at).toISOString()}>
                  {dateOf(c.at)}
                </time>
                <button
                  type="button"
                  class="button button-small"
                  data-testid="correction-delete"
                  aria-label={t('taughtDeleteLabel', { message: c.message })}
                  onClick={() => props.onDeleteCorrection(c.id)}
                >
                  {t('taughtDelete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <button
          type="button"
          class="button"
          data-testid="taught-export"
          disabled={props.corrections.length === 0}
          onClick={props.onExport}
        >
          {t('taughtExport')}
        </button>
      </div>
      <p class="muted">{t('taughtExportExplain')}</p>

      <h3>{t('unmatchedHeading', { count: props.unmatched.length })}</h3>
      {props.unmatched.length === 0 ? (
        <p class="muted" data-testid="unmatched-empty">
          {t('unmatchedEmpty', { days: props.unmatchedDays })}
        </p>
      ) : (
        <>
          <p class="muted">{t('unmatchedExplain', { days: props.unmatchedDays, limit: props.unmatchedLimit })}</p>
          <ul class="taught-list">
            {props.unmatched.map((entry) => (
              <UnmatchedRow
                key={entry.id}
                entry={entry}
                scenarios={props.scenarios}
                date={dateOf(entry.at)}
                onDeleteUnmatched={props.onDeleteUnmatched}
                onLabelUnmatched={props.onLabelUnmatched}
              />
            ))}
          </ul>
        </>
      )}

      {(props.corrections.length > 0 || props.unmatched.length > 0) &&
        (confirming ? (
          <Banner
            tone="warning"
            testId="taught-delete-all-confirm"
            actions={[
              {
                label: t('taughtDeleteAll'),
                onClick: () => {
                  setConfirming(false);
                  props.onDeleteAll();
                },
              },
              { label: t('cancel'), onClick: () => setConfirming(false) },
            ]}
          >
            {t('taughtDeleteAllConfirm')}
          </Banner>
        ) : (
          <div class="row">
            <button type="button" class="button" data-testid="taught-delete-all" onClick={() => setConfirming(true)}>
              {t('taughtDeleteAll')}
            </button>
          </div>
        ))}
    </section>
  );
}

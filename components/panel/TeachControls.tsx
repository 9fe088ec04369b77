// "Not this" beside the detected scenario and a picker of the right one (or none), so the agent teaches the detector.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../common/i18n.tsx';
import type { ScenarioChoice, TeachView } from './types.ts';

/** The picker's value for "no scenario needed": scenario ids never start with a colon. */
const NONE = ':none';

export interface TeachControlsProps extends TeachView {
  /** The scenario the panel shows for the message; undefined when detection abstained. */
  shown?: ScenarioChoice;
}

export function TeachControls(props: TeachControlsProps) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const [choice, setChoice] = useState('');
  const selectRef = useRef<HTMLSelectElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const { taught, shown } = props;
  const titleOf = (id: string) => props.scenarios.find((s) => s.id === id)?.title ?? id;

  // The picker takes the focus when it opens and gives it back when it closes, so the keyboard goes on from there.
  const wasPicking = useRef(false);
  useEffect(() => {
    if (picking) selectRef.current?.focus();
    else if (wasPicking.current) openerRef.current?.focus();
    wasPicking.current = picking;
  }, [picking]);

  const close = () => {
    setPicking(false);
    setChoice('');
  };

  const notThis = () => {
    if (!shown) return;
    props.onNotThis(shown.id);
    setPicking(true);
  };

  const save = (event: Event) => {
    event.preventDefault();
    if (choice === '') return;
    props.onTeach(choice === NONE ? null : choice);
    close();
  };

  let status: string | null = null;
  if (taught?.scenario === null) status = t('teachTaughtNone');
  else if (taught?.scenario !== undefined) status = t('teachTaughtScenario', { scenario: titleOf(taught.scenario) });
  else if (taught?.notScenario !== undefined) status = t('teachNotedNot', { scenario: titleOf(taught.notScenario) });

  const choices = props.scenarios.filter((s) => s.id !== taught?.notScenario);

  return (
    <div class="teach" data-testid="teach">
      <div class="row teach-row">
        {status !== null && (
          <p class="muted teach-status" data-testid="teach-status">
            {status}
          </p>
        )}
        {status === null && shown && (
          <button
            type="button"
            class="button button-small"
            data-testid="not-this"
            ref={openerRef}
            aria-label={t('notThisLabel', { scenario: shown.title })}
            onClick={notThis}
          >
            {t('notThis')}
          </button>
        )}
        {!picking && (status !== null || !shown) && (
          <button
            type="button"
            class="button button-small"
            data-testid="teach-choose"
            ref={openerRef}
            onClick={() => setPicking(true)}
          >
            {status !== null ? t('teachChange') : t('teachChoose')}
          </button>
        )}
      </div>
      {picking && (
        <form
          class="teach-picker"
          data-testid="teach-picker"
          onSubmit={save}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        >
          <label for="teach-select">{t('teachPickLabel')}</label>
          <div class="row">
            <select
              id="teach-select"
              data-testid="teach-select"
              ref={selectRef}
              value={choice}
              onChange={(event) => setChoice((event.currentTarget as HTMLSelectElement).value)}
            >
              <option value="" disabled>
                {t('teachPickPlaceholder')}
              </option>
              <option value={NONE}>{t('teachNone')}</option>
              {choices.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.title}
                </option>
              ))}
            </select>
            <button
              type="submit"
              class="button button-small button-primary"
              data-testid="teach-save"
              disabled={choice === ''}
            >
              {t('teachSave')}
            </button>
            <button type="button" class="button button-small" onClick={close}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

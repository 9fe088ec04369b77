// The latest customer message at a glance: detected scenarios best first with a plain confidence cue, mood, and tips.
import { useI18n } from '../common/i18n.tsx';
import { TeachControls } from './TeachControls.tsx';
import type { DetectionView, TeachView } from './types.ts';

export interface DetectionSectionProps {
  /** null before the first customer message. */
  detection: DetectionView | null;
  selectedScopeId: string | null;
  onSelectScenario: (scenarioId: string) => void;
  onSearch: () => void;
  /** Teaching the detector; absent: no controls (component tests of other parts, a follow-up message). */
  teach?: TeachView;
  /** Tips start folded; once the agent opens them they stay open (the panel keeps the choice, across messages). */
  tipsOpen?: boolean;
  onTipsOpenChange?: (open: boolean) => void;
}

export function DetectionSection(props: DetectionSectionProps) {
  const { t } = useI18n();
  const { detection } = props;
  if (!detection) {
    return (
      <section class="section" aria-label={t('detectedHeading')}>
        <p class="muted" data-testid="no-message">
          {t('noMessageYet')}
        </p>
      </section>
    );
  }
  const selected = detection.scenarios.find((s) => s.id === props.selectedScopeId) ?? detection.scenarios[0];
  const tips = selected?.tips ?? [];
  const tipsOpen = props.tipsOpen ?? false;
  return (
    <section class="section" aria-labelledby="detected-heading">
      <div class="section-head">
        <h2 id="detected-heading">{t('detectedHeading')}</h2>
        {tips.length > 0 && (
          // Folded at first and one click open, in the heading's row: unfolded tips would push the replies down.
          <button
            type="button"
            class="tips-toggle"
            data-testid="tips-toggle"
            aria-expanded={tipsOpen}
            aria-controls="scenario-tips"
            onClick={() => props.onTipsOpenChange?.(!tipsOpen)}
          >
            {t('tipsHeading')} {tipsOpen ? '▾' : '▸'}
          </button>
        )}
        <span class={`emotion emotion-${detection.emotion}`} data-emotion={detection.emotion}>
          {t('emotionLabel', { emotion: t(`emotion_${detection.emotion}`) })}
        </span>
      </div>
      {detection.followUp && (
        <p class="note" data-testid="follow-up">
          {t('followUp')}
        </p>
      )}
      <div class="detected-row">
        {detection.scenarios.length === 0 ? (
          <div class="row" data-testid="no-scenario">
            <p class="muted">{t('noConfidentScenario')}</p>
            <button type="button" class="button" onClick={props.onSearch}>
              {t('searchLabel')}
            </button>
          </div>
        ) : (
          <ul class="chips" role="list">
            {detection.scenarios.map((scenario) => (
              <li key={scenario.id}>
                <button
                  type="button"
                  class={`chip confidence-${scenario.confidence}`}
                  data-scenario-id={scenario.id}
                  aria-pressed={scenario.id === selected?.id}
                  onClick={() => props.onSelectScenario(scenario.id)}
                >
                  <span class="chip-title">{scenario.title}</span>
                  <span class="chip-cue">
                    {scenario.main
                      ? t('mainIssue')
                      : t(scenario.confidence === 'likely' ? 'confidenceLikely' : 'confidencePossible')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {props.teach && !detection.followUp && (
          // Keyed by message: what was said about one message never shows beside the next.
          <TeachControls
            key={detection.messageId ?? ''}
            {...props.teach}
            shown={selected ? { id: selected.id, title: selected.title } : undefined}
          />
        )}
      </div>
      {tips.length > 0 && (
        <ul class="tips" id="scenario-tips" hidden={!tipsOpen} aria-label={t('tipsHeading')}>
          {tips.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

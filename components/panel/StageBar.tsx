// The agent's stages (opening, hold, transfer, closing…): always visible, one click shows their replies.
import { useI18n } from '../common/i18n.tsx';
import type { StageView } from './types.ts';

export interface StageBarProps {
  stages: StageView[];
  selectedScopeId: string | null;
  onSelectStage: (stageId: string) => void;
}

export function StageBar(props: StageBarProps) {
  const { t } = useI18n();
  if (props.stages.length === 0) return null;
  return (
    <nav class="section stages" aria-label={t('stagesHeading')}>
      <h2 class="visually-hidden">{t('stagesHeading')}</h2>
      <ul class="chips" role="list">
        {props.stages.map((stage) => (
          <li key={stage.id}>
            <button
              type="button"
              class="chip chip-stage"
              data-stage-id={stage.id}
              aria-pressed={stage.id === props.selectedScopeId}
              onClick={() => props.onSelectStage(stage.id)}
            >
              {stage.title}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

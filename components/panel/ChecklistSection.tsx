// The conversation checklist (质检) of the open conversation: the score against the pass line, and each item done, missed or still to do.
import { useI18n } from '../common/i18n.tsx';
import type { ChecklistView } from './types.ts';

const MARKS = { met: '✓', missed: '✗', open: '○', notApplicable: '–' } as const;
const STATE_LABELS = {
  met: 'checklistMet',
  missed: 'checklistMissed',
  open: 'checklistOpen',
  notApplicable: 'checklistNotApplicable',
} as const;

export function ChecklistSection({ checklist }: { checklist: ChecklistView }) {
  const { t } = useI18n();
  return (
    <section class="section checklist" aria-labelledby="checklist-heading" data-testid="checklist">
      <h2 id="checklist-heading">
        {t('checklistHeading')}{' '}
        <span
          class={`checklist-score ${checklist.passed ? 'passed' : 'failed'}`}
          data-checklist-score={checklist.score}
        >
          {t('checklistScore', { score: checklist.score })} ·{' '}
          {checklist.passed ? t('checklistPassed') : t('checklistFailed', { pass: checklist.passScore })}
        </span>
      </h2>
      <ul class="checklist-items">
        {checklist.items.map((item) => (
          <li
            key={item.id}
            class={`checklist-item state-${item.state}`}
            data-checklist-item={item.id}
            data-state={item.state}
          >
            <span class="checklist-mark" aria-hidden="true">
              {MARKS[item.state]}
            </span>
            <span class="checklist-title">{item.title}</span>
            <span class="visually-hidden">{t(STATE_LABELS[item.state])}</span>
            {item.lost > 0 && <span class="checklist-lost">{t('checklistLost', { points: item.lost })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

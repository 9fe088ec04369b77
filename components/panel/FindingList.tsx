// Live warnings on the agent's draft, each with its reason and, where the pack has one, a one-click fix.
import { useI18n } from '../common/i18n.tsx';
import type { Finding } from './types.ts';

export interface FindingListProps {
  findings: Finding[];
  /** Characters in the agent's draft: a clean draft gets a quiet all-clear, an empty one nothing. */
  draftLength: number;
  /** Drafts longer than this are checked in their first this-many characters only: the agent is told. */
  checkedLength: number;
  onApplyFinding: (finding: Finding) => void;
}

export function FindingList(props: FindingListProps) {
  const { t } = useI18n();
  const capped =
    props.draftLength > props.checkedLength ? (
      <p class="muted draft-capped" data-testid="draft-capped" role="status">
        {t('draftCapped', { limit: props.checkedLength.toLocaleString() })}
      </p>
    ) : null;
  if (props.findings.length === 0) {
    return props.draftLength > 0 ? (
      <>
        <p class="muted all-clear" data-testid="findings-none" role="status">
          {t('findingsNone')}
        </p>
        {capped}
      </>
    ) : null;
  }
  return (
    <section class="section findings" aria-labelledby="findings-heading" aria-live="polite">
      <h2 id="findings-heading">{t('findingsHeading')}</h2>
      {capped}
      <ul class="finding-list">
        {props.findings.map((finding) => (
          <li
            key={`${finding.ruleId}:${finding.start}`}
            class={`finding severity-${finding.severity}`}
            data-finding-category={finding.category}
            data-finding-rule={finding.ruleId}
          >
            <div class="finding-head">
              <span class="severity">{t(`severity_${finding.severity}`)}</span>
              <mark class="finding-match">{finding.match}</mark>
            </div>
            <p class="finding-message">{finding.message}</p>
            {finding.fix !== undefined && (
              <button
                type="button"
                class="button button-primary"
                data-fix-rule={finding.ruleId}
                title={t('fixTitle', { match: finding.match, suggestion: finding.fix.text })}
                onClick={() => props.onApplyFinding(finding)}
              >
                {t('fix')}: {finding.fix.text === '' ? '∅' : finding.fix.text}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

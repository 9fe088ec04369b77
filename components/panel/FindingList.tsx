// Live warnings on the agent's draft, a row each (its words and its one-click fix); the reason one click away.
import { useState } from 'preact/hooks';
import { useI18n } from '../common/i18n.tsx';
import { worstFirst } from '../common/severity.ts';
import type { Finding } from './types.ts';

export interface FindingListProps {
  findings: Finding[];
  /** Characters in the agent's draft: a clean draft gets a quiet all-clear, an empty one nothing. */
  draftLength: number;
  /** Drafts longer than this are checked in their first this-many characters only: the agent is told. */
  checkedLength: number;
  onApplyFinding: (finding: Finding) => void;
}

/** Rows shown before "N more": beyond them the replies would leave a narrow panel's first screen. */
const SHOWN_AT_FIRST = 2;

function findingKey(finding: Finding): string {
  return `${finding.ruleId}:${finding.start}`;
}

export function FindingList(props: FindingListProps) {
  const { t } = useI18n();
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
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
  const ordered = worstFirst(props.findings);
  const hidden = showAll ? 0 : Math.max(0, ordered.length - SHOWN_AT_FIRST);
  const shown = ordered.slice(0, ordered.length - hidden);
  return (
    <section class="section findings" aria-labelledby="findings-heading" aria-live="polite">
      <h2 id="findings-heading" class="visually-hidden">
        {t('findingsHeading')}
      </h2>
      {capped}
      <ul class="finding-list">
        {shown.map((finding) => {
          const key = findingKey(finding);
          const open = openKey === key;
          const reasonId = `finding-reason-${key}`;
          return (
            <li
              key={key}
              class={`finding severity-${finding.severity}`}
              data-finding-category={finding.category}
              data-finding-rule={finding.ruleId}
            >
              <div class="finding-head">
                <button
                  type="button"
                  class="finding-toggle"
                  aria-expanded={open}
                  aria-controls={reasonId}
                  title={finding.message}
                  onClick={() => setOpenKey(open ? null : key)}
                >
                  <span class="severity">{t(`severity_${finding.severity}`)}</span>
                  <mark class="finding-match">{finding.match}</mark>
                </button>
                {finding.fix !== undefined && (
                  <button
                    type="button"
                    class="button button-small button-primary finding-fix"
                    data-fix-rule={finding.ruleId}
                    title={t('fixTitle', { match: finding.match, suggestion: finding.fix.text })}
                    onClick={() => props.onApplyFinding(finding)}
                  >
                    {t('fix', { suggestion: finding.fix.text === '' ? '∅' : finding.fix.text })}
                  </button>
                )}
              </div>
              <p class="finding-message" id={reasonId} hidden={!open}>
                {finding.message}
              </p>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          class="link-button findings-more"
          data-testid="findings-more"
          onClick={() => setShowAll(true)}
        >
          {t('findingsMore', { count: hidden })}
        </button>
      )}
    </section>
  );
}

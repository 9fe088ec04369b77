// How usage shapes the lists, with export (CSV download) and a reset that asks once more before forgetting.
import { useState } from 'preact/hooks';
import { Banner } from '../common/Banner.tsx';
import { useI18n } from '../common/i18n.tsx';

export interface UsageFooterProps {
  onExportUsage: () => void;
  onResetUsage: () => void;
}

export function UsageFooter(props: UsageFooterProps) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <footer class="section usage">
      <h2>{t('usageHeading')}</h2>
      <p class="muted">{t('usageExplain')}</p>
      {confirming ? (
        <Banner
          tone="warning"
          testId="reset-confirm"
          actions={[
            {
              label: t('resetUsage'),
              onClick: () => {
                setConfirming(false);
                props.onResetUsage();
              },
            },
            { label: t('cancel'), onClick: () => setConfirming(false) },
          ]}
        >
          {t('resetUsageConfirm')}
        </Banner>
      ) : (
        <div class="row">
          <button type="button" class="button" data-action="export-usage" onClick={props.onExportUsage}>
            {t('exportUsage')}
          </button>
          <button type="button" class="button" data-action="reset-usage" onClick={() => setConfirming(true)}>
            {t('resetUsage')}
          </button>
        </div>
      )}
    </footer>
  );
}

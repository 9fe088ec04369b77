// How usage shapes the lists, with export (CSV download) and reset.
import { useI18n } from '../common/i18n.tsx';

export interface UsageFooterProps {
  onExportUsage: () => void;
  onResetUsage: () => void;
}

export function UsageFooter(props: UsageFooterProps) {
  const { t } = useI18n();
  return (
    <footer class="section usage">
      <h2>{t('usageHeading')}</h2>
      <p class="muted">{t('usageExplain')}</p>
      <div class="row">
        <button type="button" class="button" data-action="export-usage" onClick={props.onExportUsage}>
          {t('exportUsage')}
        </button>
        <button type="button" class="button" data-action="reset-usage" onClick={props.onResetUsage}>
          {t('resetUsage')}
        </button>
      </div>
    </footer>
  );
}

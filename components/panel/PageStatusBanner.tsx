// Explains the page the panel follows when it is not a ready helpdesk, with the action that fixes it: never an empty panel.
import { Banner } from '../common/Banner.tsx';
import { useI18n } from '../common/i18n.tsx';
import type { PageStatus } from './types.ts';

export interface PageStatusBannerProps {
  status: PageStatus;
  hasComposer: boolean;
  noteMode: boolean;
  onStartPicker: () => void;
  onEnableSite: () => void;
  onReload: () => void;
  /** The content script runs on the elements the agent pointed at (the generic adapter with picks). */
  picksInUse?: boolean;
  onResetPicks?: () => void;
}

export function PageStatusBanner(props: PageStatusBannerProps) {
  const { t } = useI18n();
  const { status } = props;
  switch (status.kind) {
    case 'loading':
      return (
        <Banner tone="info" testId="status-loading">
          {t('loading')}
        </Banner>
      );
    case 'no-tab':
      return (
        <Banner tone="info" title={t('noTabTitle')} testId="status-no-tab">
          {t('noTabBody')}
        </Banner>
      );
    case 'unreachable':
      return status.restricted ? (
        <Banner tone="warning" title={t('unreachableTitle')} testId="status-unreachable">
          {t('unreachableRestricted')}
        </Banner>
      ) : (
        <Banner
          tone="warning"
          title={t('unreachableTitle')}
          testId="status-unreachable"
          actions={[
            { label: t('reloadPage'), onClick: props.onReload },
            { label: t('enableSite'), onClick: props.onEnableSite },
          ]}
        >
          {t('unreachableBody')}
        </Banner>
      );
    case 'not-helpdesk':
      return (
        <Banner
          tone="info"
          title={t('notHelpdeskTitle')}
          testId="status-not-helpdesk"
          actions={[
            { label: t('startPicker'), onClick: props.onStartPicker },
            { label: t('enableSite'), onClick: props.onEnableSite },
          ]}
        >
          {t('notHelpdeskBody')}
        </Banner>
      );
    case 'site-off':
      return (
        <Banner
          tone="info"
          title={t('siteOffTitle', { site: status.generic ? t('siteGeneric') : status.siteName })}
          testId="status-site-off"
          actions={[{ label: t('enableSite'), onClick: props.onEnableSite }]}
        >
          {t('siteOffBody')}
        </Banner>
      );
    case 'ready':
      if (props.picksInUse && props.onResetPicks) {
        return (
          <Banner
            tone="info"
            testId="status-picks"
            actions={[
              { label: t('resetPicks'), onClick: props.onResetPicks },
              { label: t('startPicker'), onClick: props.onStartPicker },
            ]}
          >
            {t('picksInUse')}
          </Banner>
        );
      }
      if (!props.hasComposer)
        return (
          <Banner tone="warning" testId="status-no-composer">
            {t('noComposer')}
          </Banner>
        );
      if (props.noteMode)
        return (
          <Banner tone="warning" testId="status-note-mode">
            {t('noteMode')}
          </Banner>
        );
      return null;
  }
}

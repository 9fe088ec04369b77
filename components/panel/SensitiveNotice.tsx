// Reminds the agent that the customer sent sensitive data, shown masked, and must not be repeated.
import { Banner } from '../common/Banner.tsx';
import { useI18n } from '../common/i18n.tsx';
import type { DetectionView } from './types.ts';

export function SensitiveNotice(props: { detection: DetectionView | null }) {
  const { t } = useI18n();
  const detection = props.detection;
  const suspected = [...new Set(detection?.suspectedKinds ?? [])];
  if (!detection || detection.sensitiveKinds.length + suspected.length === 0) return null;
  const kinds = [...new Set(detection.sensitiveKinds)];
  return (
    <Banner tone="warning" title={t('sensitiveHeading')} testId="sensitive">
      <p>
        {kinds.map((kind) => (
          <span class="tag" key={kind} data-sensitive-kind={kind}>
            {t(`sensitive_${kind}`)}
          </span>
        ))}
        {suspected
          .filter((kind) => !kinds.includes(kind))
          .map((kind) => (
            <span class="tag" key={`suspected-${kind}`} data-sensitive-kind={kind} data-suspected="">
              {t('sensitiveSuspected', { kind: t(`sensitive_${kind}`) })}
            </span>
          ))}
      </p>
      {detection.maskedMessage && <blockquote class="masked">{detection.maskedMessage}</blockquote>}
      <p>{t('sensitiveReminder')}</p>
    </Banner>
  );
}

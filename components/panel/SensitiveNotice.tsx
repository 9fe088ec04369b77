// Reminds the agent that the customer sent sensitive data, shown masked, and must not be repeated: two short lines, the masked message one click away.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { Banner } from '../common/Banner.tsx';
import { useI18n } from '../common/i18n.tsx';
import type { DetectionView } from './types.ts';

export function SensitiveNotice(props: { detection: DetectionView | null }) {
  const { t } = useI18n();
  const [showMasked, setShowMasked] = useState(false);
  const detection = props.detection;
  const suspected = [...new Set(detection?.suspectedKinds ?? [])];
  if (!detection || detection.sensitiveKinds.length + suspected.length === 0) return null;
  const kinds = [...new Set(detection.sensitiveKinds)];
  return (
    <Banner tone="warning" testId="sensitive">
      <p class="sensitive-line">
        <strong>{t('sensitiveHeading')}</strong>
        {kinds.map((kind) => (
          <Fragment key={kind}>
            {' '}
            <span class="tag" data-sensitive-kind={kind}>
              {t(`sensitive_${kind}`)}
            </span>
          </Fragment>
        ))}
        {suspected
          .filter((kind) => !kinds.includes(kind))
          .map((kind) => (
            <Fragment key={`suspected-${kind}`}>
              {' '}
              <span class="tag" data-sensitive-kind={kind} data-suspected="">
                {t('sensitiveSuspected', { kind: t(`sensitive_${kind}`) })}
              </span>
            </Fragment>
          ))}{' '}
        <span class="sensitive-reminder">{t('sensitiveReminder')}</span>{' '}
        {detection.maskedMessage && (
          <button
            type="button"
            class="link-button"
            aria-expanded={showMasked}
            aria-controls="sensitive-masked"
            onClick={() => setShowMasked(!showMasked)}
          >
            {t('sensitiveShowMasked')} {showMasked ? '▾' : '▸'}
          </button>
        )}
      </p>
      {detection.maskedMessage && (
        <blockquote class="masked" id="sensitive-masked" hidden={!showMasked}>
          {detection.maskedMessage}
        </blockquote>
      )}
    </Banner>
  );
}

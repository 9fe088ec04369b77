// A short-lived notice with an Undo button: it disappears by itself after `timeoutMs` (10 s by default).
import { useEffect } from 'preact/hooks';
import { useI18n } from '../common/i18n.tsx';

export interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onExpire: () => void;
  timeoutMs?: number;
}

export function UndoToast(props: UndoToastProps) {
  const { t } = useI18n();
  useEffect(() => {
    const timer = setTimeout(props.onExpire, props.timeoutMs ?? 10_000);
    return () => clearTimeout(timer);
  }, [props.message]);
  return (
    <div class="toast" role="status" data-testid="undo-toast">
      <span>{props.message}</span>
      <button type="button" class="button button-small" onClick={props.onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}

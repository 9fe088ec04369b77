// "My replies": the agent's own replies, each changed, moved or deleted (with Undo), a new one written, all exported as a pack.
import { useI18n } from '../common/i18n.tsx';
import { MyReplyForm, type MyReplyDraft, type ScopeChoice } from '../common/MyReplyForm.tsx';
import type { MyReplyProblem } from '../../engine/index.ts';
import { UndoToast } from './UndoToast.tsx';

interface MyReplyRowView {
  id: string;
  title: string;
  text: string;
  shortcut?: string;
  /** The titles of the scenarios and steps it is offered for. */
  scopeTitles: string[];
}

export interface MyRepliesSectionProps {
  replies: MyReplyRowView[];
  /** False when a policy made them read-only. */
  writable: boolean;
  /** Kept on this device only (too many for the browser's sync). */
  keptHere: boolean;
  scopes: ScopeChoice[];
  form: { initial: MyReplyDraft; editing: boolean } | null;
  /** The reply just deleted, while it can still be put back. */
  undo: { title: string } | null;
  onNew: () => void;
  onChange: (id: string) => void;
  onMove: (id: string, step: -1 | 1) => void;
  onDelete: (id: string) => void;
  onSave: (reply: MyReplyDraft) => Promise<MyReplyProblem[]>;
  onClose: () => void;
  onExport: () => void;
  onUndo: () => void;
  onUndoExpire: () => void;
}

export function MyRepliesSection(props: MyRepliesSectionProps) {
  const { t } = useI18n();
  const last = props.replies.length - 1;
  return (
    <section class="card" aria-labelledby="my-replies-heading" data-testid="my-replies">
      <h2 id="my-replies-heading">{t('myReplies')}</h2>
      <p class="muted">{props.writable ? t('myRepliesExplain') : t('myReplyReadOnly')}</p>
      {props.keptHere && <p class="muted">{t('myRepliesKeptHere')}</p>}
      {props.replies.length === 0 && !props.form && <p data-testid="my-replies-empty">{t('myRepliesEmpty')}</p>}
      {props.form && (
        <MyReplyForm
          key={props.form.initial.id}
          initial={props.form.initial}
          editing={props.form.editing}
          scopes={props.scopes}
          onSave={props.onSave}
          onCancel={props.onClose}
        />
      )}
      {props.replies.length > 0 && (
        <ol class="pack-list">
          {props.replies.map((reply, index) => (
            <li key={reply.id} class="pack-row" data-my-reply-id={reply.id}>
              <div>
                <strong>{reply.title}</strong> {reply.shortcut && <kbd class="shortcut">{reply.shortcut}</kbd>}{' '}
                {reply.scopeTitles.map((title) => (
                  <span key={title} class="tag">
                    {title}
                  </span>
                ))}
                <p class="muted">{reply.text}</p>
              </div>
              {props.writable && (
                <div class="pack-actions">
                  <button
                    type="button"
                    class="button button-small"
                    aria-label={t('myReplyMoveUp', { title: reply.title })}
                    disabled={index === 0}
                    onClick={() => props.onMove(reply.id, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="button button-small"
                    aria-label={t('myReplyMoveDown', { title: reply.title })}
                    disabled={index === last}
                    onClick={() => props.onMove(reply.id, 1)}
                  >
                    ↓
                  </button>
                  <button type="button" class="button button-small" onClick={() => props.onChange(reply.id)}>
                    {t('myReplyChange')}
                  </button>
                  <button
                    type="button"
                    class="button button-small"
                    aria-label={t('myReplyDeleteLabel', { title: reply.title })}
                    onClick={() => props.onDelete(reply.id)}
                  >
                    {t('myReplyDelete')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <div class="form-actions">
        {props.writable && !props.form && (
          <button type="button" class="button" data-testid="my-reply-new" onClick={props.onNew}>
            {t('myReplyNew')}
          </button>
        )}
        {props.replies.length > 0 && (
          <button type="button" class="button" data-testid="my-replies-export" onClick={props.onExport}>
            {t('myRepliesExport')}
          </button>
        )}
      </div>
      {props.undo && (
        <UndoToast
          message={t('myReplyDeleted', { title: props.undo.title })}
          onUndo={props.onUndo}
          onExpire={props.onUndoExpire}
        />
      )}
    </section>
  );
}

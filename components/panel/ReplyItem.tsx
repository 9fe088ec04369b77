// One reply: its text as it would be inserted, how often it was used, and insert / copy / edit-then-insert.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../common/i18n.tsx';
import type { MyRepliesView, ReplyView } from './types.ts';

export interface ReplyItemProps {
  reply: ReplyView;
  index: number;
  /** Shown on the first three: the browser shortcut that inserts them. */
  shortcut?: string;
  noteMode: boolean;
  showScope: boolean;
  onInsert: (reply: ReplyView, text: string) => void;
  onCopy: (text: string) => void;
  onFocusItem: (index: number) => void;
  /** The agent's own replies: keep an edited reply, change or delete one's own (absent: turned off). */
  mine?: MyRepliesView;
}

export function ReplyItem(props: ReplyItemProps) {
  const { t } = useI18n();
  const { reply } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (draft !== null) editorRef.current?.focus();
  }, [draft !== null]);
  const insertLabel = props.noteMode ? t('insertAsNote') : t('insert');
  // Every button reads "Insert": screen readers also announce which reply it inserts.
  const titleId = `reply-title-${props.index}`;
  const insertEdited = () => {
    if (draft === null) return;
    props.onInsert(reply, draft);
    setDraft(null);
  };
  return (
    <li
      class="reply"
      data-reply-index={props.index}
      data-reply-key={reply.key}
      onFocusIn={() => props.onFocusItem(props.index)}
    >
      <div class="reply-head">
        <span class="reply-title" id={titleId}>
          {reply.title}
        </span>
        {props.showScope && <span class="tag">{reply.scopeTitle}</span>}
        {reply.otherLanguage && (
          <span class="tag" lang={reply.locale}>
            {reply.locale}
          </span>
        )}
        {reply.mine !== undefined && <span class="tag tag-mine">{t('myReplyMine')}</span>}
        {reply.uses > 0 && <span class="uses">{t('usedTimes', { count: reply.uses })}</span>}
        {props.shortcut && (
          <kbd class="shortcut" title={t('shortcutHint', { key: props.shortcut })}>
            {props.shortcut}
          </kbd>
        )}
        {draft === null && (
          // In the title's row: on a narrow panel the top reply's button stays on the first screen, however long the text.
          <button
            type="button"
            class="button button-primary reply-insert"
            data-reply-id={reply.id}
            title={t('insertTitle')}
            aria-describedby={titleId}
            onClick={() => props.onInsert(reply, reply.text)}
          >
            {insertLabel}
          </button>
        )}
      </div>
      {draft === null ? (
        <p class="reply-text" lang={reply.locale}>
          {reply.shown}
        </p>
      ) : (
        <textarea
          ref={editorRef}
          class="reply-editor"
          aria-label={t('editLabel')}
          value={draft}
          rows={Math.min(8, Math.max(3, Math.ceil(draft.length / 28)))}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Ctrl/Cmd+Enter inserts; plain Enter keeps a line break in the edited reply.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              insertEdited();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              setDraft(null);
            }
          }}
        />
      )}
      <div class="reply-actions">
        {draft === null ? (
          <>
            <button type="button" class="button" aria-describedby={titleId} onClick={() => props.onCopy(reply.shown)}>
              {t('copy')}
            </button>
            <button type="button" class="button" aria-describedby={titleId} onClick={() => setDraft(reply.shown)}>
              {t('edit')}
            </button>
            {props.mine?.writable && reply.mine !== undefined && (
              <>
                <button
                  type="button"
                  class="button"
                  aria-describedby={titleId}
                  data-testid="my-reply-change"
                  onClick={() => props.mine?.onChange(reply)}
                >
                  {t('myReplyChange')}
                </button>
                <button
                  type="button"
                  class="button"
                  aria-label={t('myReplyDeleteLabel', { title: reply.title })}
                  data-testid="my-reply-delete"
                  onClick={() => props.mine?.onDelete(reply)}
                >
                  {t('myReplyDelete')}
                </button>
              </>
            )}
          </>
        ) : (
          <>
            <button type="button" class="button button-primary" data-edited-reply-id={reply.id} onClick={insertEdited}>
              {insertLabel}
            </button>
            {props.mine?.writable && (
              <button
                type="button"
                class="button"
                data-testid="my-reply-from-edited"
                onClick={() => {
                  props.mine?.onFromEdited(reply, draft);
                  setDraft(null);
                }}
              >
                {t('myReplySaveEdited')}
              </button>
            )}
            <button type="button" class="button" onClick={() => setDraft(null)}>
              {t('cancel')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

// The form of one of the agent's own replies (new, from a draft, or changed): title, text, shortcut and scenarios, each problem shown at its field.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MyReply, MyReplyField, MyReplyProblem } from '../../engine/index.ts';
import { useI18n } from './i18n.tsx';

export interface ScopeChoice {
  id: string;
  title: string;
  kind: 'scenario' | 'stage';
}

export type MyReplyDraft = Omit<MyReply, 'updatedAt'>;

export interface MyReplyFormProps {
  initial: MyReplyDraft;
  /** Whether it changes a kept reply (the heading and the button say so). */
  editing: boolean;
  scopes: ScopeChoice[];
  /** Saves; resolves with the problems that stopped it (nothing was saved then), or none. */
  onSave: (reply: MyReplyDraft) => Promise<MyReplyProblem[]>;
  onCancel: () => void;
}

const PROBLEM_KEYS = {
  textEmpty: 'myReplyTextEmpty',
  textTooLong: 'myReplyTextTooLong',
  titleTooLong: 'myReplyTitleTooLong',
  unknownVariable: 'myReplyUnknownVariable',
  personalData: 'myReplyPersonalData',
  shortcutFormat: 'myReplyShortcutFormat',
  shortcutTaken: 'myReplyShortcutTaken',
  noScope: 'myReplyNoScope',
  tooManyReplies: 'myReplyTooMany',
} as const satisfies Record<MyReplyProblem['code'], string>;

export function MyReplyForm(props: MyReplyFormProps) {
  const { t } = useI18n();
  const [reply, setReply] = useState<MyReplyDraft>(props.initial);
  const [problems, setProblems] = useState<MyReplyProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);

  const problemsAt = (field: MyReplyField) => problems.filter((p) => p.field === field);
  const errorId = (field: MyReplyField) => `my-reply-${field}-problem`;
  const fieldError = (field: MyReplyField) => {
    const list = problemsAt(field);
    if (list.length === 0) return null;
    return (
      <p id={errorId(field)} class="field-error" role="alert" data-testid={`my-reply-problem-${field}`}>
        {list.map((p) => t(PROBLEM_KEYS[p.code], p.params)).join(' ')}
      </p>
    );
  };
  const invalid = (field: MyReplyField) =>
    problemsAt(field).length > 0 ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {};

  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      // The reply as typed stays in the form whatever happens: a refused save loses nothing.
      setProblems(await props.onSave(reply));
    } finally {
      setSaving(false);
    }
  };
  const toggleScope = (id: string, on: boolean) =>
    setReply({ ...reply, scopes: on ? [...reply.scopes, id] : reply.scopes.filter((s) => s !== id) });

  // The scopes the reply started with first, so the agent sees what is ticked without scrolling; ticking keeps places.
  const ordered = [
    ...props.scopes.filter((s) => props.initial.scopes.includes(s.id)),
    ...props.scopes.filter((s) => !props.initial.scopes.includes(s.id)),
  ];

  return (
    <form
      class="my-reply-form"
      data-testid="my-reply-form"
      aria-label={props.editing ? t('myReplyEditHeading') : t('myReplyNewHeading')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <h3>{props.editing ? t('myReplyEditHeading') : t('myReplyNewHeading')}</h3>
      <label class="field">
        <span>{t('myReplyTitle')}</span>
        <input
          type="text"
          name="title"
          value={reply.title}
          placeholder={t('myReplyTitlePlaceholder')}
          onInput={(event) => setReply({ ...reply, title: event.currentTarget.value })}
          {...invalid('title')}
        />
      </label>
      {fieldError('title')}
      <label class="field">
        <span>{t('myReplyText')}</span>
        <textarea
          ref={textRef}
          name="text"
          rows={5}
          value={reply.text}
          onInput={(event) => setReply({ ...reply, text: event.currentTarget.value })}
          {...invalid('text')}
        />
      </label>
      <p class="muted field-hint">{t('myReplyTextHint')}</p>
      {fieldError('text')}
      <label class="field">
        <span>{t('myReplyShortcut')}</span>
        <input
          type="text"
          name="shortcut"
          value={reply.shortcut ?? ''}
          placeholder={t('myReplyShortcutPlaceholder')}
          onInput={(event) => setReply({ ...reply, shortcut: event.currentTarget.value })}
          {...invalid('shortcut')}
        />
      </label>
      {fieldError('shortcut')}
      <fieldset class="field my-reply-scopes" {...invalid('scopes')}>
        <legend>{t('myReplyScopes')}</legend>
        <div class="my-reply-scope-list">
          {ordered.map((scope) => (
            <label key={scope.id} class="check">
              <input
                type="checkbox"
                name="scope"
                value={scope.id}
                checked={reply.scopes.includes(scope.id)}
                onChange={(event) => toggleScope(scope.id, event.currentTarget.checked)}
              />
              <span>{scope.kind === 'stage' ? t('myReplyStageScope', { title: scope.title }) : scope.title}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {fieldError('scopes')}
      <div class="form-actions">
        <button type="submit" class="button button-primary" data-testid="my-reply-save" disabled={saving}>
          {props.editing ? t('myReplySaveChanges') : t('myReplySave')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

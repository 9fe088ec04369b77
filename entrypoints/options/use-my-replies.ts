// The options page's My replies section: the agent's replies kept current, and the actions on them (change, move, delete with Undo, export).
import { useEffect, useState } from 'preact/hooks';
import type { MyRepliesSectionProps } from '../../components/options/MyRepliesSection.tsx';
import type { MyReplyDraft } from '../../components/common/MyReplyForm.tsx';
import {
  buildMyRepliesPack,
  myReplyTitle,
  scopeTitles,
  type MyReply,
  type Pack,
  type VariableDefinition,
} from '../../engine/index.ts';
import { downloadTextFile } from '../../utils/download.ts';
import type { Translate } from '../../utils/i18n.ts';
import {
  deleteMyReply,
  loadMyReplies,
  moveMyReplyBy,
  myRepliesPlaceItem,
  refusalKey,
  restoreMyReply,
  saveMyReply,
  watchMyReplies,
  type DeletedMyReply,
} from '../../utils/my-replies.ts';
import { newTeachId } from '../../utils/teach.ts';
import type { PersonalRepliesMode } from '../../utils/storage.ts';

/** The section's props, or undefined when a policy turned personal replies off. */
export function useMyReplies(
  t: Translate,
  options: { packs: readonly Pack[]; locale: string; mode: PersonalRepliesMode; onRefused: (text: string) => void },
): MyRepliesSectionProps | undefined {
  const [replies, setReplies] = useState<MyReply[]>([]);
  const [keptHere, setKeptHere] = useState(false);
  const [form, setForm] = useState<MyRepliesSectionProps['form']>(null);
  const [undo, setUndo] = useState<{ title: string; deleted: DeletedMyReply } | null>(null);

  useEffect(() => {
    const read = () => {
      void loadMyReplies().then(setReplies, () => undefined);
      void myRepliesPlaceItem.getValue().then((place) => setKeptHere(place === 'local'));
    };
    read();
    return watchMyReplies(read);
  }, []);

  if (options.mode === 'off') return undefined;
  const lookup = scopeTitles(options.packs, options.locale);
  const kinds = new Map<string, 'scenario' | 'stage'>();
  for (const pack of options.packs) {
    for (const scenario of pack.scenarios ?? []) kinds.set(scenario.id, 'scenario');
    for (const stage of pack.stages ?? []) if (!kinds.has(stage.id)) kinds.set(stage.id, 'stage');
  }
  const scopes = [...kinds].map(([id, kind]) => ({ id, kind, title: lookup(id)?.title ?? id }));
  const collator = new Intl.Collator(options.locale);
  scopes.sort((a, b) => (a.kind === b.kind ? collator.compare(a.title, b.title) : a.kind === 'scenario' ? -1 : 1));
  const refused = (result: Parameters<typeof refusalKey>[0]) => options.onRefused(t(refusalKey(result)));
  const failed = (error: unknown) => options.onRefused(t('myReplyStorageFailed', { error: String(error) }));

  return {
    replies: replies.map((reply) => ({
      id: reply.id,
      title: myReplyTitle(reply),
      text: reply.text,
      ...(reply.shortcut ? { shortcut: reply.shortcut } : {}),
      scopeTitles: reply.scopes.map((id) => lookup(id)?.title ?? id),
    })),
    writable: options.mode === 'on',
    keptHere,
    scopes,
    form,
    undo: undo ? { title: undo.title } : null,
    onNew: () => setForm({ initial: { id: newTeachId(), title: '', text: '', scopes: [] }, editing: false }),
    onChange: (id) => {
      const kept = replies.find((reply) => reply.id === id);
      if (!kept) return;
      const { updatedAt: _updatedAt, ...initial } = kept;
      setForm({ initial, editing: true });
    },
    onMove: (id, step) =>
      void moveMyReplyBy(id, step).then((result) => {
        if (!result.ok && !('problems' in result)) refused(result);
      }, failed),
    onDelete: (id) =>
      void deleteMyReply(id).then(({ result, deleted }) => {
        if (result.ok && deleted) setUndo({ title: myReplyTitle(deleted.reply), deleted });
        else if (!result.ok && !('problems' in result)) refused(result);
      }, failed),
    onSave: async (draft: MyReplyDraft) => {
      const variables = options.packs.flatMap((pack) => Object.keys(pack.variables ?? {}));
      try {
        const result = await saveMyReply(draft, variables);
        if (result.ok) {
          setForm(null);
          return [];
        }
        if ('problems' in result) return result.problems;
        refused(result);
      } catch (error) {
        failed(error);
      }
      return [];
    },
    onClose: () => setForm(null),
    onExport: () => {
      const date = new Date().toISOString().slice(0, 10);
      // A pack a team lead checks with `huashu pack validate` and merges: the replies' texts, shortcuts and scopes only.
      const pack = buildMyRepliesPack(replies, {
        locale: options.locale,
        scopeOf: lookup,
        variables: Object.assign({}, ...options.packs.map((p) => p.variables ?? {})) as Record<
          string,
          VariableDefinition
        >,
        id: `my-replies-${date}`,
        name: t('myReplies'),
        version: date,
      });
      if (pack) downloadTextFile(`my-replies-${date}.json`, `${JSON.stringify(pack, null, 2)}\n`, 'application/json');
    },
    onUndo: () => {
      if (!undo) return;
      setUndo(null);
      void restoreMyReply(undo.deleted).then((result) => {
        if (!result.ok && !('problems' in result)) refused(result);
      }, failed);
    },
    onUndoExpire: () => setUndo(null),
  };
}

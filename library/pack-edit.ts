// Editing an added pack on the options page: its text to edit, saving it as the next version of the same pack (the one before kept for Undo), and a copy to edit of a pack that cannot be changed.
import { storage } from 'wxt/utils/storage';
import { stringify } from 'yaml';
import type { Pack, PackProblem } from '../engine/types.ts';
import {
  installedPacksItem,
  packPreferencesItem,
  withPackLibraryLock,
  type InstalledPack,
  type PackSource,
} from '../utils/storage.ts';
import { libraryError, type LibraryError, type LibraryProblem } from './errors.ts';
import { commitImport, previewImport, type AgentPackSource, type LibraryResult } from './library.ts';

export type EditFormat = 'yaml' | 'json';

/** The version each edited pack had before its last save: what "Undo" puts back. */
const previousVersionsItem = storage.defineItem<Record<string, InstalledPack>>('local:packPreviousVersions', {
  fallback: {},
});

// The order fields are read in: what a thing is before what it holds (a rule's id before its examples). Fields not
// listed keep their place after these; the order of an object's fields never changes what a pack means.
const FIELD_ORDER = [
  'schemaVersion',
  'id',
  'name',
  'title',
  'version',
  'locale',
  'description',
  'category',
  'severity',
  'text',
  'shortcut',
  'patterns',
  'exceptions',
  'sensitive',
  'message',
  'suggestion',
  'triggers',
  'examples',
  'counterExamples',
  'replies',
  'tips',
  'match',
  'noMatch',
  'merge',
  'disabled',
  'variables',
  'classes',
  'scenarios',
  'stages',
  'rules',
];

function readingOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readingOrder);
  if (typeof value !== 'object' || value === null) return value;
  const rank = (key: string) => {
    const at = FIELD_ORDER.indexOf(key);
    return at === -1 ? FIELD_ORDER.length : at;
  };
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, readingOrder((value as Record<string, unknown>)[key])]));
}

/** The pack as a lead edits it: YAML (no braces or quotes to balance) or JSON, as the pack format reads both. */
export function packAsText(pack: Pack, format: EditFormat): string {
  const ordered = readingOrder(pack);
  return format === 'json' ? `${JSON.stringify(ordered, null, 2)}\n` : stringify(ordered, { lineWidth: 0 });
}

/** The file name problems are placed in, whose extension tells the parser the format. */
export function editFileName(pack: Pick<Pack, 'id'>, format: EditFormat): string {
  return `${pack.id}.${format === 'json' ? 'json' : 'yaml'}`;
}

/** Packs from a file or pasted text are the agent's own to edit; those from an address or a policy change at their source. */
function isEditableSource(source: PackSource): source is Extract<PackSource, { kind: 'file' | 'paste' }> {
  return source.kind === 'file' || source.kind === 'paste';
}

export type EditSave =
  | { ok: true; entry: InstalledPack }
  | { ok: false; problems: Array<PackProblem | LibraryProblem> }
  | { ok: false; error: LibraryError };

/**
 * Checks the edited text as an import is checked and saves it over the pack `editedId`, keeping the version it replaces
 * for `undoLastEdit`. The id must stay: a pack of another id is a new pack, added from "Add a pack". Nothing changes
 * when anything is wrong.
 */
export async function saveEditedPack(
  text: string,
  format: EditFormat,
  editedId: string,
  now: number = Date.now(),
): Promise<EditSave> {
  const [installed, prefs] = await Promise.all([installedPacksItem.getValue(), packPreferencesItem.getValue()]);
  const current = installed.find((entry) => entry.pack.id === editedId);
  if (!current) return { ok: false, error: libraryError('unknownPack', { id: editedId }) };
  const fileName = editFileName(current.pack, format);
  const check = previewImport(text, fileName, installed, prefs);
  if (!check.ok) return { ok: false, problems: check.problems };
  const pack = check.preview.pack;
  if (pack.id !== editedId)
    return {
      ok: false,
      problems: [
        {
          file: fileName,
          path: 'id',
          error: libraryError('idChanged', { file: fileName, from: editedId, to: pack.id }),
        },
      ],
    };
  if (!isEditableSource(current.source)) return { ok: false, error: libraryError('policyLocked', { id: editedId }) };
  const saved = await commitImport(check.preview, current.source as AgentPackSource, now);
  if (!saved.ok) return { ok: false, error: saved.error };
  await previousVersionsItem.setValue({ ...(await previousVersionsItem.getValue()), [editedId]: current });
  return { ok: true, entry: saved.value };
}

/** Whether `id` has a version from before its last edit to go back to. */
export async function hasPreviousVersion(id: string): Promise<boolean> {
  return Object.hasOwn(await previousVersionsItem.getValue(), id);
}

/** Puts back the version before the last edit; the edited one becomes the one "Undo" brings back again. */
export function undoLastEdit(id: string): Promise<LibraryResult<InstalledPack>> {
  return withPackLibraryLock(async () => {
    const [installed, previous] = await Promise.all([installedPacksItem.getValue(), previousVersionsItem.getValue()]);
    const before = previous[id];
    const at = installed.findIndex((entry) => entry.pack.id === id);
    if (!before || at === -1) return { ok: false, error: libraryError('unknownPack', { id }) };
    const current = installed[at]!;
    // Only over the same pack, still the agent's: not over a policy pack that took the id since, nor a pack removed and
    // added again (a new addedAt), whose earlier version is another pack's.
    if (!isEditableSource(current.source)) return { ok: false, error: libraryError('policyLocked', { id }) };
    if (current.addedAt !== before.addedAt) return { ok: false, error: libraryError('unknownPack', { id }) };
    await installedPacksItem.setValue(installed.map((entry, index) => (index === at ? before : entry)));
    await previousVersionsItem.setValue({ ...previous, [id]: current });
    return { ok: true, value: before };
  });
}

/**
 * A copy of a pack from an address or a policy, to edit as the agent's own: a free id (`<id>-copy`, `-copy-2`…) and
 * name, saved as pasted text after the original (so it wins where both define the same thing).
 */
export async function copyPackToEdit(id: string, copyName: (name: string) => string): Promise<EditSave> {
  const installed = await installedPacksItem.getValue();
  const original = installed.find((entry) => entry.pack.id === id);
  if (!original) return { ok: false, error: libraryError('unknownPack', { id }) };
  const taken = new Set(installed.map((entry) => entry.pack.id));
  let copyId = `${id}-copy`;
  for (let n = 2; taken.has(copyId); n++) copyId = `${id}-copy-${n}`;
  const copy: Pack = { ...original.pack, id: copyId, name: copyName(original.pack.name) };
  const check = previewImport(
    packAsText(copy, 'json'),
    `${copyId}.json`,
    installed,
    await packPreferencesItem.getValue(),
  );
  if (!check.ok) return { ok: false, problems: check.problems };
  const saved = await commitImport(check.preview, { kind: 'paste' });
  return saved.ok ? { ok: true, entry: saved.value } : { ok: false, error: saved.error };
}

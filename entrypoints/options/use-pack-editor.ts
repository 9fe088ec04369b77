// The options page's pack editor: the text of the pack being edited, checked as the lead types (problems, the pack's own examples, a trial message and draft), and save, undo, export, copy.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditorFormat, PackEditorProps } from '../../components/options/PackEditor.tsx';
import { createEngine, type Engine, type Pack } from '../../engine/index.ts';
import { checkPackExamples, packToCsv, parsePack, problemMessage, type ExampleMiss } from '../../engine/packs.ts';
import type { PackProblem } from '../../engine/types.ts';
import { describeLibraryError, describeProblem, type LibraryProblem } from '../../library/errors.ts';
import {
  copyPackToEdit,
  editFileName,
  hasPreviousVersion,
  packAsText,
  saveEditedPack,
  undoLastEdit,
} from '../../library/pack-edit.ts';
import { downloadTextFile } from '../../utils/download.ts';
import type { Translate, UiLocale } from '../../utils/i18n.ts';
import type { PackEntry } from '../../utils/packs.ts';

/** How long typing must pause before the text is read again: building the engine for the checks takes a moment. */
const CHECK_DELAY_MS = 350;

interface Analysis {
  pack: Pack | null;
  problems: PackEditorProps['problems'];
  checks: PackEditorProps['checks'];
  engine: Engine | null;
}

export interface PackEditorHandle {
  /** The editor's props, or null when no pack is open. */
  editor: PackEditorProps | null;
  open: (id: string) => void;
  copyToEdit: (id: string) => void;
}

export function usePackEditor(
  t: Translate,
  options: {
    entries: readonly PackEntry[] | null;
    locale: UiLocale;
    onNotice: (tone: 'ok' | 'error', text: string) => void;
    onSaved: () => Promise<void>;
  },
): PackEditorHandle {
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<EditorFormat>('yaml');
  const [analysis, setAnalysis] = useState<Analysis>({ pack: null, problems: [], checks: null, engine: null });
  const [checking, setChecking] = useState(false);
  const [trialMessage, setTrialMessage] = useState('');
  const [trialDraft, setTrialDraft] = useState('');
  const [canUndo, setCanUndo] = useState(false);
  const [saving, setSaving] = useState(false);
  const [exportProblem, setExportProblem] = useState<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const place = (problem: PackProblem): string =>
    problem.line !== undefined
      ? t('editorPlace', { line: problem.line, column: problem.column ?? 1 })
      : (problem.path ?? problem.file);
  const phrased = (problems: ReadonlyArray<PackProblem | LibraryProblem>) =>
    problems.map((problem) => {
      const described = describeProblem(problem, options.locale);
      return { place: place(described), message: problemMessage(described, options.locale) };
    });
  const expectation = (miss: ExampleMiss): string =>
    t(
      miss.expected === 'match'
        ? 'editorExpectMatch'
        : miss.expected === 'noMatch'
          ? 'editorExpectNoMatch'
          : 'editorExpectScenario',
    );

  /** Reads the text as `huashu pack validate` does, then checks the pack's examples on the packs as they would be. */
  const analyze = (source: string, id: string, asFormat: EditorFormat): Analysis => {
    const parsed = parsePack(source, editFileName({ id }, asFormat));
    if (!parsed.ok) return { pack: null, problems: phrased(parsed.problems), checks: null, engine: null };
    const enabled = (options.entries ?? []).filter((entry) => entry.enabled).map((entry) => entry.pack);
    const inForce = enabled.some((pack) => pack.id === id)
      ? enabled.map((pack) => (pack.id === id ? parsed.pack : pack))
      : [...enabled, parsed.pack];
    const engine = createEngine(inForce);
    const checks = checkPackExamples(parsed.pack, engine).map((check) => ({
      ...check,
      misses: check.misses.map((miss) => ({ text: miss.text, expected: expectation(miss) })),
    }));
    return { pack: parsed.pack, problems: [], checks, engine };
  };

  const load = (pack: Pack, asFormat: EditorFormat) => {
    // A check still waiting is of a text that is gone: it must not land on this one.
    clearTimeout(timer.current);
    setChecking(false);
    const next = packAsText(pack, asFormat);
    setText(next);
    setFormat(asFormat);
    setAnalysis(analyze(next, pack.id, asFormat));
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  const open = (id: string) => {
    const entry = options.entries?.find((candidate) => candidate.pack.id === id);
    if (!entry) return;
    setEditing({ id, name: entry.pack.name });
    setExportProblem(undefined);
    load(entry.pack, 'yaml');
    void hasPreviousVersion(id).then(setCanUndo);
  };

  // Also while another pack is open: the copy opens in its place.
  const copyToEdit = (id: string) =>
    void copyPackToEdit(id, (name) => t('copyName', { name })).then(async (result) => {
      if (!result.ok) {
        options.onNotice(
          'error',
          'error' in result
            ? describeLibraryError(result.error, options.locale)
            : phrased(result.problems)
                .map((problem) => `${problem.place}: ${problem.message}`)
                .join('; '),
        );
        return;
      }
      await options.onSaved();
      setEditing({ id: result.entry.pack.id, name: result.entry.pack.name });
      load(result.entry.pack, 'yaml');
      setCanUndo(false);
    });

  if (!editing) return { editor: null, open, copyToEdit };

  const engine = analysis.engine;
  const detected = engine && trialMessage.trim() !== '' ? engine.detect(trialMessage, { top: 1 }).scenarios[0] : null;
  const titleOf = (id: string) => engine?.scenario(id)?.title ?? id;
  const findings = engine && trialDraft.trim() !== '' ? engine.lint(trialDraft) : [];

  return {
    open,
    copyToEdit,
    editor: {
      packName: editing.name,
      text,
      format,
      checking,
      problems: analysis.problems,
      checks: analysis.checks,
      trialMessage,
      trialDraft,
      trialScenario:
        engine && trialMessage.trim() !== '' ? (detected ? titleOf(detected.id) : t('editorTryNone')) : null,
      trialFindings: findings.map((finding) => ({
        ruleId: finding.ruleId,
        text: finding.match,
        message: finding.message,
      })),
      canUndo,
      saving,
      exportProblem,
      onTextChange: (next) => {
        setText(next);
        setChecking(true);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          setAnalysis(analyze(next, editing.id, format));
          setChecking(false);
        }, CHECK_DELAY_MS);
      },
      onFormatChange: (next) => {
        // From the text as it is now (a check may still be waiting for the last keystrokes).
        const parsed = parsePack(text, editFileName({ id: editing.id }, format));
        if (parsed.ok) load(parsed.pack, next);
        else setAnalysis(analyze(text, editing.id, format));
      },
      onTrialMessage: setTrialMessage,
      onTrialDraft: setTrialDraft,
      onSave: () => {
        setSaving(true);
        void saveEditedPack(text, format, editing.id)
          .then(async (result) => {
            if (result.ok) {
              await options.onSaved();
              setCanUndo(true);
              options.onNotice(
                'ok',
                t('editorSaved', { name: result.entry.pack.name, version: result.entry.pack.version }),
              );
            } else if ('problems' in result) setAnalysis({ ...analysis, problems: phrased(result.problems) });
            else options.onNotice('error', describeLibraryError(result.error, options.locale));
          })
          .finally(() => setSaving(false));
      },
      onUndo: () =>
        void undoLastEdit(editing.id).then(async (result) => {
          if (!result.ok) {
            options.onNotice('error', describeLibraryError(result.error, options.locale));
            return;
          }
          await options.onSaved();
          load(result.value.pack, format);
          options.onNotice('ok', t('editorUndone', { name: result.value.pack.name }));
        }),
      onExport: (as) => {
        setExportProblem(undefined);
        const pack = analysis.pack;
        if (!pack) return;
        if (as === 'csv') {
          const written = packToCsv(pack);
          if (written.ok) downloadTextFile(`${pack.id}.csv`, written.csv, 'text/csv;charset=utf-8', true);
          else setExportProblem(t('editorCsvLost', { fields: written.lost.slice(0, 6).join(', ') }));
          return;
        }
        downloadTextFile(
          `${pack.id}.${as === 'json' ? 'json' : 'yaml'}`,
          packAsText(pack, as),
          as === 'json' ? 'application/json' : 'application/yaml',
        );
      },
      onClose: () => {
        clearTimeout(timer.current);
        setEditing(null);
        setTrialMessage('');
        setTrialDraft('');
      },
    },
  };
}

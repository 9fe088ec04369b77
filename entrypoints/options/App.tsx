// The options page's wiring: reads packs, preferences and settings from storage, runs library actions, renders <OptionsPage>.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nProvider } from '../../components/common/i18n.tsx';
import type { PackInput } from '../../components/options/AddPack.tsx';
import { OptionsPage, type OptionsPageProps } from '../../components/options/OptionsPage.tsx';
import { mergePacks, problemMessage } from '../../engine/packs.ts';
import { audienceNames, buildTaughtPack, freshUnmatched, scenarioTitles, TEACH_LIMITS } from '../../engine/index.ts';
import type { TaughtSectionProps } from '../../components/options/TaughtSection.tsx';
import { describeLibraryError, describeProblem } from '../../library/errors.ts';
import { policyStatusItem, type PolicyStatus } from '../../library/policy.ts';
import type { ActionResult, PackRowView, SettingsView } from '../../components/options/types.ts';
import { exportAll, importAll } from '../../library/backup.ts';
import {
  commitImport,
  exportPack,
  movePack,
  previewImport,
  removePack,
  restorePack,
  setPackEnabled,
  type LibraryResult,
  type RemovedPack,
} from '../../library/library.ts';
import { checkSubscriptionUrl, previewSubscription, refreshSubscription } from '../../library/subscriptions.ts';
import { createTranslator, resolveUiLocale } from '../../utils/i18n.ts';
import { loadPackEntries, type PackEntry } from '../../utils/packs.ts';
import {
  DEFAULT_SETTINGS,
  installedPacksItem,
  packPreferencesItem,
  settingsItem,
  taughtCorrectionsItem,
  unmatchedMessagesItem,
  type PackSource,
  type Settings,
} from '../../utils/storage.ts';
import { deleteAllTaught, deleteCorrection, deleteUnmatched, labelUnmatched } from '../../utils/teach.ts';
import { downloadTextFile } from '../../utils/download.ts';
import { sitesNeedingAccess } from '../../library/sites/site-actions.ts';
import { useMyReplies } from './use-my-replies.ts';
import { usePackEditor } from './use-pack-editor.ts';
import { useSites } from './use-sites.ts';
import { buildPackRows, importCheckView, pastedFileName } from './view-model.ts';

export function App() {
  const [entries, setEntries] = useState<PackEntry[] | null>(null);
  const [installed, setInstalled] = useState<Awaited<ReturnType<typeof installedPacksItem.getValue>>>([]);
  const [prefs, setPrefs] = useState<Awaited<ReturnType<typeof packPreferencesItem.getValue>>>({
    order: [],
    disabled: [],
  });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [notice, setNotice] = useState<OptionsPageProps['notice']>();
  const [removed, setRemoved] = useState<RemovedPack | null>(null);
  // Validators (ETag, Last-Modified) of packs fetched from an address, kept until the agent saves them.
  const fetchedSources = useRef(new Map<string, Extract<PackSource, { kind: 'url' }>>());

  const [policy, setPolicy] = useState<PolicyStatus>();
  const [corrections, setCorrections] = useState<Awaited<ReturnType<typeof taughtCorrectionsItem.getValue>>>([]);
  const [unmatched, setUnmatched] = useState<Awaited<ReturnType<typeof unmatchedMessagesItem.getValue>>>([]);
  // What the agent taught, followed as the panel and the helpdesk tabs add to it.
  useEffect(() => {
    void taughtCorrectionsItem.getValue().then(setCorrections);
    void unmatchedMessagesItem.getValue().then(setUnmatched);
    const unwatch = [
      taughtCorrectionsItem.watch((value) => setCorrections(value ?? [])),
      unmatchedMessagesItem.watch((value) => setUnmatched(value ?? [])),
    ];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  const reload = useCallback(async () => {
    const [nextInstalled, nextPrefs, nextSettings, nextEntries, nextPolicy] = await Promise.all([
      installedPacksItem.getValue(),
      packPreferencesItem.getValue(),
      settingsItem.getValue(),
      loadPackEntries(),
      policyStatusItem.getValue(),
    ]);
    setPolicy(nextPolicy);
    setInstalled(nextInstalled);
    setPrefs(nextPrefs);
    setSettings(nextSettings);
    setEntries(nextEntries);
  }, []);

  useEffect(() => {
    void reload();
    // Another options tab, a subscription refresh or a policy change: show what is stored now.
    const unwatch = [
      installedPacksItem.watch(() => void reload()),
      packPreferencesItem.watch(() => void reload()),
      settingsItem.watch(() => void reload()),
      policyStatusItem.watch(() => void reload()),
    ];
    return () => unwatch.forEach((stop) => stop());
  }, [reload]);

  const locale = resolveUiLocale(settings.uiLanguage, browser.i18n?.getUILanguage?.() ?? navigator.language);
  const t = createTranslator(locale);
  const sites = useSites(t);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('optionsTitle');
  }, [locale]);

  const report = (result: LibraryResult<unknown>) => {
    if (!result.ok) setNotice({ tone: 'error', text: describeLibraryError(result.error, locale) });
    else setNotice(undefined);
  };

  const enabledPacks = entries ? entries.filter((e) => e.enabled).map((e) => e.pack) : [];
  const titleOfScenario = scenarioTitles(enabledPacks, locale);
  const packEditor = usePackEditor(t, {
    entries,
    locale,
    onNotice: (tone, text) => setNotice({ tone, text }),
    onSaved: reload,
  });
  const myReplies = useMyReplies(t, {
    packs: enabledPacks,
    locale,
    mode: settings.personalReplies ?? 'on',
    onRefused: (text) => setNotice({ tone: 'error', text }),
  });
  const collator = new Intl.Collator(locale);
  const taught: TaughtSectionProps = {
    corrections: [...corrections].sort((a, b) => b.at - a.at),
    // Past their time they are gone, even before the background has pruned them.
    unmatched: freshUnmatched(unmatched, Date.now()).reverse(),
    scenarios: mergePacks(enabledPacks)
      .scenarios.map((s) => ({ id: s.id, title: titleOfScenario(s.id) ?? s.title }))
      .sort((a, b) => collator.compare(a.title, b.title)),
    unmatchedDays: TEACH_LIMITS.unmatchedDays,
    unmatchedLimit: TEACH_LIMITS.unmatched,
    onDeleteCorrection: (id) => void deleteCorrection(id),
    onDeleteUnmatched: (id) => void deleteUnmatched(id),
    onLabelUnmatched: (id, scenario) => {
      const entry = unmatched.find((m) => m.id === id);
      if (entry) void labelUnmatched(entry, scenario);
    },
    onDeleteAll: () => void deleteAllTaught().then(() => setNotice({ tone: 'ok', text: t('taughtDeleted') })),
    onExport: () => {
      const date = new Date().toISOString().slice(0, 10);
      // Only on the agent's click; the file holds the masked messages and the scenario ids, nothing else.
      const pack = buildTaughtPack(corrections, {
        titleOf: titleOfScenario,
        locale,
        id: `taught-${date}`,
        name: t('taughtPackName', { date }),
        version: date,
      });
      if (pack) downloadTextFile(`taught-${date}.json`, `${JSON.stringify(pack, null, 2)}\n`, 'application/json');
      else setNotice({ tone: 'error', text: t('taughtExportNothing') });
    },
  };

  const fileNameOf = (input: PackInput) => input.fileName ?? pastedFileName(input.text);
  const rows: PackRowView[] = entries ? buildPackRows(entries) : [];

  const props: OptionsPageProps = {
    loading: entries === null,
    packs: rows,
    settings: {
      agentName: settings.agentName,
      agentId: settings.agentId,
      company: settings.company,
      uiLanguage: settings.uiLanguage,
      expansionEnabled: settings.expansionEnabled !== false,
      expansionTrigger: settings.expansionTrigger,
      sendGuard: settings.sendGuard ?? 'confirm',
      customVariables: settings.customVariables,
      agentLevel: settings.agentLevel ?? '',
      agentTeam: settings.agentTeam ?? '',
    },
    audienceNames: audienceNames(entries ? entries.filter((e) => e.enabled).map((e) => e.pack) : []),
    // The variables of the enabled packs ({customer} and the agent's own are filled elsewhere).
    variables: entries
      ? Object.entries(mergePacks(entries.filter((e) => e.enabled).map((e) => e.pack)).variables)
          .filter(([name]) => !['customer', 'agentName', 'agentId', 'company'].includes(name))
          .map(([name, definition]) => ({ name, label: definition.label, fallback: definition.fallback }))
      : [],
    notice,
    undo: removed ? { name: removed.entry.pack.name } : undefined,
    onToggle: (id, enabled) => void setPackEnabled(id, enabled).then(report),
    onMove: (id, direction) => void movePack(id, direction).then(report),
    onRemove: (id) =>
      void removePack(id).then((result) => {
        report(result);
        if (result.ok) setRemoved(result.value);
      }),
    onUndo: () => {
      if (!removed) return;
      setRemoved(null);
      void restorePack(removed).then(report);
    },
    onUndoExpire: () => setRemoved(null),
    onExport: (id) => {
      const pack = entries?.find((e) => e.pack.id === id)?.pack;
      if (pack) downloadTextFile(`${pack.id}.json`, exportPack(pack), 'application/json');
    },
    onCheck: (input) => importCheckView(previewImport(input.text, fileNameOf(input), installed, prefs), locale),
    onSave: async (input): Promise<ActionResult> => {
      // Checked again against the library as stored now: another tab may have changed it since the preview.
      const check = previewImport(
        input.text,
        fileNameOf(input),
        await installedPacksItem.getValue(),
        await packPreferencesItem.getValue(),
      );
      if (!check.ok)
        return {
          ok: false,
          message: check.problems
            .map((problem) => describeProblem(problem, locale))
            .map((p) => `${p.path ? `${p.path}: ` : ''}${problemMessage(p, locale)}`)
            .join('\n'),
        };
      const fetched = input.url ? fetchedSources.current.get(input.url) : undefined;
      const source: PackSource =
        fetched ?? (input.fileName ? { kind: 'file', fileName: input.fileName } : { kind: 'paste' });
      const saved = await commitImport(check.preview, source);
      return saved.ok ? { ok: true } : { ok: false, message: describeLibraryError(saved.error, locale) };
    },
    onFetchUrl: async (address) => {
      const checked = checkSubscriptionUrl(address);
      if (!checked.ok) return { ok: false, message: describeLibraryError(checked.error, locale) };
      // Other servers need the agent's permission; asked before any await, while the click still counts as a gesture.
      const origin = `${checked.url.protocol}//${checked.url.hostname}/*`;
      const granted = browser.permissions?.request
        ? browser.permissions.request({ origins: [origin] }).catch(() => false)
        : Promise.resolve(true);
      await granted;
      const result = await previewSubscription(checked.url.href);
      if (!result.ok) return { ok: false, message: describeLibraryError(result.error, locale) };
      fetchedSources.current.set(checked.url.href, result.source);
      return {
        ok: true,
        input: { text: result.text, fileName: result.fileName, url: checked.url.href },
        check: importCheckView(result.check, locale),
      };
    },
    onRefresh: (id) =>
      void refreshSubscription(id, { locale }).then((result) => {
        const name = entries?.find((e) => e.pack.id === id)?.pack.name ?? id;
        setNotice(
          result.ok
            ? { tone: 'ok', text: t('refreshed', { name }) }
            : { tone: 'error', text: `${name}: ${describeLibraryError(result.error, locale)}` },
        );
      }),
    onExportAll: () =>
      void exportAll().then((text) =>
        downloadTextFile(`huashu-backup-${new Date().toISOString().slice(0, 10)}.json`, text, 'application/json'),
      ),
    onImportAll: (file) =>
      void file
        .text()
        .then((text) => importAll(text, file.name))
        .then(async (result) => {
          if (!result.ok)
            return setNotice({
              tone: 'error',
              text: t('restoreFailed'),
              problems: result.problems.map((problem) => describeProblem(problem, locale)),
            });
          // Access to sites is the browser's to give, on the agent's click: a backup brings the choices back, not the access.
          const needing = await sitesNeedingAccess().catch(() => []);
          setNotice({
            tone: 'ok',
            text: needing.length > 0 ? t('restoredSitesNeedAccess', { sites: needing.join(', ') }) : t('restored'),
          });
        })
        .catch((error: unknown) =>
          setNotice({ tone: 'error', text: t('fileReadFailed', { file: file.name, error: String(error) }) }),
        ),
    onSaveSettings: (next: SettingsView) => {
      // Settings the administrator's policy sets keep the policy's value.
      const locked = Object.fromEntries(
        (policy?.lockedSettings ?? []).map((key) => [key, settings[key as keyof typeof settings]]),
      );
      void settingsItem
        .setValue({ ...settings, ...next, ...locked })
        .then(() => setNotice({ tone: 'ok', text: t('settingsSaved') }));
    },
    policyProblems: policy?.problems,
    lockedSettings: policy?.lockedSettings,
    sites,
    taught,
    myReplies,
    packEditor: packEditor.editor ?? undefined,
    onEdit: packEditor.open,
    onCopyToEdit: packEditor.copyToEdit,
  };

  return (
    <I18nProvider locale={locale}>
      <OptionsPage {...props} />
    </I18nProvider>
  );
}

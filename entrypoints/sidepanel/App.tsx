// The side panel's wiring: follows a tab, talks to its content script, reads packs, settings and usage, renders <Panel>.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nProvider } from '../../components/common/i18n.tsx';
import { Panel } from '../../components/panel/Panel.tsx';
import type { MyReplyDraft } from '../../components/common/MyReplyForm.tsx';
import type {
  Finding,
  MyRepliesView,
  PanelCommand,
  PanelNotice,
  ReplyView,
  TeachView,
} from '../../components/panel/types.ts';
import {
  checklistTitles,
  createCatalog,
  packsForAgent,
  type Pack,
  createPhraseSearch,
  replyLanguage,
  replyValues,
  maskCustomerMessage,
  MAX_INPUT_LINE_CHARS,
  type Catalog,
  type PhraseSearch,
  type TaughtCorrection,
  languageTier,
  recordReplyUse,
  replyUsageToCsv,
  resetReplyUsage,
  maskSensitive,
  fillVariables,
  myReplyTitle,
  recogniseVariables,
  type MyReply,
} from '../../engine/index.ts';
import {
  deleteMyReply,
  loadMyReplies,
  refusalKey,
  restoreMyReply,
  saveMyReply,
  watchMyReplies,
} from '../../utils/my-replies.ts';
import { downloadTextFile } from '../../utils/download.ts';
import { writeClipboard } from '../../utils/clipboard.ts';
import { replyFallbackKey } from '../../utils/reply-fallback.ts';
import { createTranslator, resolveUiLocale } from '../../utils/i18n.ts';
import { contentToPanel, panelToContent, type TabState } from '../../utils/messaging.ts';
import { followEnabledPacks } from '../../utils/enabled-packs.ts';
import {
  DEFAULT_SETTINGS,
  panelLayoutItem,
  replyUsageItem,
  settingsItem,
  type PanelLayout,
  type ReplyUsage,
  type Settings,
} from '../../utils/storage.ts';
import { sitePartsOf } from '../../library/sites/site-access.ts';
import { forgetPicks, switchSiteOff, switchSiteOn } from '../../library/sites/site-actions.ts';
import { newTeachId, saveCorrection } from '../../utils/teach.ts';
import { INSERT_SUGGESTION_COMMANDS, panelCommandOf } from './commands.ts';
import {
  buildChecklistView,
  buildDetectionView,
  buildScopeReplies,
  buildSearchReplies,
  buildStageViews,
  localizedTips,
  localizedTitles,
  pageStatusOf,
  scenarioChoices,
  type Connection,
} from './view-model.ts';

/** The host name of a web page's address; undefined for the browser's own pages and unknown addresses. */
function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:/iu.test(url)) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** `?tab=<id>` pins the panel to one tab instead of following the active one. */
function pinnedTabId(): number | null {
  const value = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(value) && value >= 0 && new URLSearchParams(location.search).has('tab') ? value : null;
}

export function App() {
  const pinned = useMemo(pinnedTabId, []);
  const [tabId, setTabId] = useState<number | null>(pinned);
  const tabIdRef = useRef(tabId);
  tabIdRef.current = tabId;
  const windowIdRef = useRef<number | undefined>(undefined);
  const [connection, setConnection] = useState<Connection>({ kind: 'loading' });
  // Known when the browser lets us see it (host permission granted, or a page of ours): needed to turn a site on.
  const [tabUrl, setTabUrl] = useState<string | undefined>(undefined);
  const [enabledPacks, setEnabledPacks] = useState<Pack[] | null>(null);
  // The packs for this tab's site (a pack, scenario or reply may be for some sites only: docs/packs.md "Audience").
  const site = useMemo(() => hostOf(tabUrl), [tabUrl]);
  const catalog = useMemo<Catalog | null>(
    () => (enabledPacks ? createCatalog(packsForAgent(enabledPacks, { site })) : null),
    [enabledPacks, site],
  );
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [usage, setUsage] = useState<ReplyUsage>({});
  const [layout, setLayout] = useState<PanelLayout>({ tipsOpen: false });
  const [usageRead, setUsageRead] = useState(false);
  const [notice, setNotice] = useState<PanelNotice | null>(null);
  const [command, setCommand] = useState<PanelCommand | null>(null);
  const [shortcuts, setShortcuts] = useState<string[]>([]);
  const seqRef = useRef(0);

  const locale = resolveUiLocale(settings.uiLanguage, browser.i18n.getUILanguage());
  const t = useMemo(() => createTranslator(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('appTitle');
  }, [locale, t]);

  const say = useCallback(
    (tone: PanelNotice['tone'], text: string) => setNotice({ tone, text, seq: ++seqRef.current }),
    [],
  );
  // Confirmations fade; errors stay until the next action, so the agent can read what to do.
  useEffect(() => {
    if (notice?.tone !== 'ok') return;
    const timer = setTimeout(() => setNotice((current) => (current?.seq === notice.seq ? null : current)), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  // Packs, settings and usage: read once, then follow every change (options page, other windows).
  useEffect(() => {
    const unwatchPacks = followEnabledPacks(setEnabledPacks);
    void settingsItem.getValue().then(setSettings);
    const unwatchSettings = settingsItem.watch((value) => setSettings(value ?? DEFAULT_SETTINGS));
    void panelLayoutItem.getValue().then(setLayout);
    const unwatchLayout = panelLayoutItem.watch((value) => setLayout(value ?? { tipsOpen: false }));
    void replyUsageItem.getValue().then((value) => {
      setUsage(value);
      setUsageRead(true);
    });
    const unwatchUsage = replyUsageItem.watch((value) => setUsage(value ?? {}));
    void browser.commands
      ?.getAll()
      .then((all) =>
        setShortcuts(INSERT_SUGGESTION_COMMANDS.map((name) => all.find((c) => c.name === name)?.shortcut ?? '')),
      )
      .catch(() => undefined);
    return () => {
      unwatchPacks();
      unwatchSettings();
      unwatchLayout();
      unwatchUsage();
    };
  }, []);

  // Which tab: the pinned one, or the active tab of this panel's window as the agent switches.
  useEffect(() => {
    if (pinned !== null) return;
    let cancelled = false;
    void browser.windows.getCurrent().then(async (current) => {
      windowIdRef.current = current.id;
      const [active] = await browser.tabs.query({ active: true, windowId: current.id });
      if (cancelled) return;
      if (active?.id === undefined) setConnection({ kind: 'no-tab' });
      else setTabId(active.id);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowIdRef.current === undefined || info.windowId === windowIdRef.current) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [pinned]);

  const requestRef = useRef(0);
  const refresh = useCallback(async (id: number) => {
    const request = ++requestRef.current;
    const tab = await browser.tabs.get(id).catch(() => undefined);
    const url = tab?.url ?? tab?.pendingUrl;
    let next: Connection;
    try {
      next = { kind: 'connected', state: await panelToContent.sendMessage('getTabState', undefined, id) };
    } catch {
      // No content script answers: the site is not enabled, or the page predates the install and needs a reload.
      next = { kind: 'unreachable', url };
    }
    // An answer for a tab the agent has already left is dropped.
    if (request === requestRef.current && id === tabIdRef.current) {
      setConnection(next);
      setTabUrl(url);
    }
  }, []);

  useEffect(() => {
    if (tabId === null) return;
    setConnection({ kind: 'loading' });
    setNotice(null);
    void refresh(tabId);
    const onUpdated = (updatedId: number, change: { status?: string; url?: string }) => {
      if (updatedId !== tabId) return;
      if (change.status === 'complete' || change.url !== undefined) void refresh(tabId);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    const onRemoved = (removedId: number) => {
      if (removedId === tabId) setConnection({ kind: 'no-tab' });
    };
    browser.tabs.onRemoved.addListener(onRemoved);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
  }, [tabId, refresh]);

  // The content script broadcasts every change (new message, draft typed); keep only our tab's.
  useEffect(
    () =>
      contentToPanel.onMessage('tabStateChanged', (message) => {
        if (message.sender.tab?.id === tabIdRef.current) setConnection({ kind: 'connected', state: message.data });
      }),
    [],
  );

  // Browser shortcuts reach every open panel: act only in the window the agent is in.
  useEffect(() => {
    const onCommand = (name: string, tab?: { id?: number; windowId?: number }) => {
      // A panel pinned in its own tab or window gets the shortcut while it has the focus itself.
      if (tab?.id !== undefined && tab.id !== tabIdRef.current && !document.hasFocus()) return;
      void browser.windows.getCurrent().then((current) => {
        if (tab === undefined && !current.focused) return;
        const next = panelCommandOf(name, ++seqRef.current);
        if (next) setCommand(next);
      });
    };
    browser.commands?.onCommand.addListener(onCommand);
    return () => browser.commands?.onCommand.removeListener(onCommand);
  }, []);

  const state: TabState | null = connection.kind === 'connected' ? connection.state : null;
  const phraseSearch = useMemo<PhraseSearch | null>(
    () => (catalog ? createPhraseSearch(catalog.merged) : null),
    [catalog],
  );
  // The search's indexes and its reader of queries are built while the panel is idle, not on the agent's first key.
  useEffect(() => {
    if (!phraseSearch) return;
    const idle = requestIdleCallback(() => phraseSearch.prepare(), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [phraseSearch]);
  const fill = useMemo(() => {
    const values = replyValues(settings, { customerName: state?.customerName, orderNumber: state?.orderNumber });
    const definitions = catalog?.merged.variables ?? {};
    return (text: string) => fillVariables(text, values, definitions);
  }, [settings, state?.customerName, state?.orderNumber, catalog]);
  const titleOf = useMemo(() => (catalog ? localizedTitles(catalog.packs, locale) : undefined), [catalog, locale]);
  const tipsOf = useMemo(() => (catalog ? localizedTips(catalog.packs, locale) : undefined), [catalog, locale]);
  // Replies in the customer's language first (an English-speaking agent may answer a Chinese customer), else the UI's.
  const customerText = state?.latest?.detection.text;
  const replyLocale = useMemo(() => replyLanguage(customerText, locale), [customerText, locale]);
  const latestScenarioIds = useMemo(
    () => state?.latest?.detection.scenarios.map((scenario) => scenario.id) ?? [],
    [state?.latest],
  );
  // Usage ranks replies between conversations, never within one: the order is ranked by the usage read when the agent
  // came to this tab and address (a helpdesk's conversations have addresses of their own), and by the usage first read.
  const conversationKey = `${tabId ?? ''}|${tabUrl ?? ''}`;
  const [rankingUsage, setRankingUsage] = useState<{ key: string; usage: ReplyUsage } | null>(null);
  useEffect(() => {
    if (usageRead) setRankingUsage({ key: conversationKey, usage });
  }, [conversationKey, usageRead]);
  const replyInputs = useMemo(
    () => ({ uiLocale: replyLocale, usage, rankingUsage: rankingUsage?.usage ?? usage, fill, titleOf }),
    [replyLocale, usage, rankingUsage, fill, titleOf],
  );
  const repliesFor = useCallback(
    (scopeId: string) =>
      catalog ? buildScopeReplies(catalog.scenario(scopeId) ?? catalog.stage(scopeId), replyInputs) : [],
    [catalog, replyInputs],
  );
  const search = useCallback(
    (query: string) =>
      phraseSearch
        ? buildSearchReplies(
            phraseSearch.search(query, { locale: replyLocale, currentScenarioIds: latestScenarioIds }),
            replyInputs,
          )
        : [],
    [phraseSearch, replyInputs, replyLocale, latestScenarioIds],
  );
  const detection = useMemo(
    () =>
      catalog && state
        ? buildDetectionView(state.latest, { scenario: catalog.scenario, mask: maskSensitive, titleOf, tipsOf })
        : null,
    [catalog, state?.latest, titleOf, tipsOf],
  );
  const stages = useMemo(() => (catalog ? buildStageViews(catalog.merged, titleOf) : []), [catalog, titleOf]);
  const checklistTitleOf = useMemo(
    () => (catalog ? checklistTitles(catalog.packs, locale) : undefined),
    [catalog, locale],
  );
  const checklist = useMemo(
    () => (state?.checklist && checklistTitleOf ? buildChecklistView(state.checklist, checklistTitleOf) : null),
    [state?.checklist, checklistTitleOf],
  );

  // ---- Teaching: one correction per customer message, changed in place when the agent changes their mind ----
  const [taught, setTaught] = useState<{ messageId: string; correction: TaughtCorrection } | null>(null);
  const choices = useMemo(
    () => (catalog ? scenarioChoices(catalog.merged, locale, titleOf) : []),
    [catalog, locale, titleOf],
  );
  const latest = state?.latest ?? null;
  const keepCorrection = (next: Omit<TaughtCorrection, 'id' | 'message' | 'at'>, notice: string) => {
    if (!latest) return;
    const earlier = taught?.messageId === latest.messageId ? taught.correction : undefined;
    const correction: TaughtCorrection = {
      id: earlier?.id ?? newTeachId(),
      // Masked here, before it is kept: the storage never sees the customer's data.
      message:
        earlier?.message ??
        maskCustomerMessage(latest.detection.text, { customerName: state?.customerName, fallbackLanguage: locale }),
      ...next,
      at: Date.now(),
    };
    setTaught({ messageId: latest.messageId, correction });
    saveCorrection(correction).then(
      () => say(next.scenario === undefined ? 'info' : 'ok', notice),
      (error: unknown) => say('error', t('teachFailed', { error: String(error) })),
    );
  };
  const titleOfChoice = (id: string) => choices.find((c) => c.id === id)?.title ?? id;
  const teach: TeachView | undefined =
    latest && catalog
      ? {
          scenarios: choices,
          taught: taught?.messageId === latest.messageId ? taught.correction : undefined,
          onNotThis: (scenarioId) =>
            keepCorrection(
              { notScenario: scenarioId },
              t('taughtNotThisNotice', { scenario: titleOfChoice(scenarioId) }),
            ),
          onTeach: (scenarioId) => {
            const earlier = taught?.messageId === latest.messageId ? taught.correction.notScenario : undefined;
            keepCorrection(
              { ...(earlier !== undefined ? { notScenario: earlier } : {}), scenario: scenarioId },
              scenarioId === null
                ? t('taughtNoneNotice')
                : t('taughtScenarioNotice', { scenario: titleOfChoice(scenarioId) }),
            );
          },
        }
      : undefined;

  // Read, then write: panels in other windows count uses too, and the watched copy may lag a quick second insert.
  const countUse = (reply: ReplyView) =>
    void replyUsageItem
      .getValue()
      .then((stored) => replyUsageItem.setValue(recordReplyUse(stored, reply.scopeId, reply.id)));

  const onInsert = async (reply: ReplyView, text: string) => {
    if (tabId === null) return;
    try {
      const result = await panelToContent.sendMessage('insertReply', { text, replyId: reply.id }, tabId);
      if (result.ok) {
        say('ok', t('inserted'));
        countUse(reply);
        return;
      }
      // The page copies when it has the focus (a keyboard shortcut); after a click here, the panel has it.
      const copied = result.copied || (await writeClipboard(result.reply));
      setNotice({
        tone: 'error',
        text: t(replyFallbackKey({ reason: result.reason, copied })),
        seq: ++seqRef.current,
        ...(copied ? {} : { detail: result.reply }),
      });
    } catch {
      say('error', t('insertUnreachable'));
    }
  };

  const onCopy = async (text: string) => {
    if (await writeClipboard(text)) say('ok', t('copied'));
    else say('error', t('copyFailed'));
  };

  const onApplyFinding = async (finding: Finding) => {
    if (tabId === null || finding.fix === undefined) return;
    try {
      const result = await panelToContent.sendMessage(
        'applyFinding',
        { start: finding.fix.start, end: finding.fix.end, replacement: finding.fix.text },
        tabId,
      );
      if (!result.ok) say('error', t('fixFailed'));
    } catch {
      say('error', t('insertUnreachable'));
    }
  };

  const onStartPicker = async () => {
    if (tabId === null) return;
    try {
      const result = await panelToContent.sendMessage('startPicker', undefined, tabId);
      say(result.ok ? 'info' : 'error', t(result.ok ? 'pickerStarted' : 'insertUnreachable'));
    } catch {
      say('error', t('insertUnreachable'));
    }
  };

  const onEnableSite = () => {
    const url = tabUrl;
    if (!url || !/^https?:/iu.test(url)) {
      // The browser hides this tab's address until Huashu has access: the agent types it on the options page instead.
      void browser.tabs.create({ url: browser.runtime.getURL('/options.html#sites') });
      say('info', t('enableSiteOpenSettings'));
      return;
    }
    // Straight from the click: browsers grant permissions only during the user's gesture.
    void switchSiteOn(sitePartsOf(new URL(url)), t).then((result) => {
      if (result.ok) say('ok', t('enableSiteDone', { host: result.host }));
      else say('error', result.message);
    });
  };

  const onDisableSite = () => {
    if (!tabUrl || !/^https?:/iu.test(tabUrl)) return;
    const { host } = new URL(tabUrl);
    void switchSiteOff(host).then(
      () => say('ok', t('disableSiteDone', { host })),
      (error: unknown) => say('error', t('siteChangeFailed', { host, error: String(error) })),
    );
  };

  // Forgets the elements the agent pointed at on this host; the content script goes back to its adapters and guesses.
  const onResetPicks = () => {
    if (!tabUrl || !/^https?:/iu.test(tabUrl)) return;
    void forgetPicks(new URL(tabUrl).host).catch(() => say('error', t('insertUnreachable')));
  };

  const onReload = () => {
    if (tabId !== null) void browser.tabs.reload(tabId);
  };

  const onExportUsage = () => {
    const titleOfReply = (scopeId: string, replyId: string) => {
      const scope = catalog?.scenario(scopeId) ?? catalog?.stage(scopeId);
      const candidates = scope?.replies.filter((reply) => reply.id === replyId) ?? [];
      const best = candidates.find((reply) => languageTier(reply.locale, locale) === 0) ?? candidates[0];
      return best?.title;
    };
    const header = [t('usageCsvScope'), t('usageCsvReply'), t('usageCsvUses'), t('usageCsvTitle')] as const;
    const csv = replyUsageToCsv(usage, header, titleOfReply);
    downloadTextFile(`huashu-usage-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv;charset=utf-8', true);
  };

  const onResetUsage = () => void replyUsageItem.setValue(resetReplyUsage(usage));

  // ---- The agent's own replies: saved from the draft, an edited reply or a blank form; changed and deleted here ----
  const [myReplies, setMyReplies] = useState<MyReply[]>([]);
  useEffect(() => {
    const read = () => void loadMyReplies().then(setMyReplies, () => undefined);
    read();
    return watchMyReplies(read);
  }, []);
  const [replyForm, setReplyForm] = useState<MyRepliesView['form']>(null);
  const personalMode = settings.personalReplies ?? 'on';
  const scopeChoices = useMemo(
    () => [
      ...choices.map((choice) => ({ ...choice, kind: 'scenario' as const })),
      ...stages.map((stage) => ({ ...stage, kind: 'stage' as const })),
    ],
    [choices, stages],
  );
  // What a saved draft holds of the known values becomes their variables: the reply fits the next customer too.
  const knownValues = {
    customer: state?.customerName,
    agentName: settings.agentName,
    agentId: settings.agentId,
    company: settings.company,
  };
  const openForm = (initial: Partial<MyReplyDraft>) =>
    setReplyForm({ initial: { id: newTeachId(), title: '', text: '', scopes: [], ...initial }, editing: false });
  const sayRefused = (result: Parameters<typeof refusalKey>[0]) => say('error', t(refusalKey(result)));
  const sayFailed = (error: unknown) => say('error', t('myReplyStorageFailed', { error: String(error) }));
  const mine: MyRepliesView | undefined =
    personalMode === 'off'
      ? undefined
      : {
          writable: personalMode === 'on',
          form: replyForm,
          scopes: scopeChoices,
          onNew: (scopeId) => openForm({ scopes: scopeId ? [scopeId] : [] }),
          onFromDraft: (scopeId) => {
            if (tabId === null) return;
            panelToContent.sendMessage('getDraft', undefined, tabId).then(
              (draft) => {
                if (!draft || draft.text.trim() === '') say('info', t('myReplyNoDraft'));
                else openForm({ text: recogniseVariables(draft.text, knownValues), scopes: scopeId ? [scopeId] : [] });
              },
              () => say('error', t('insertUnreachable')),
            );
          },
          onFromEdited: (reply, text) =>
            openForm({ text: recogniseVariables(text, knownValues), scopes: [reply.scopeId] }),
          onChange: (reply) => {
            const kept = myReplies.find((r) => r.id === reply.mine);
            if (!kept) return;
            const { updatedAt: _updatedAt, ...initial } = kept;
            setReplyForm({ initial, editing: true });
          },
          onDelete: (reply) => {
            const id = reply.mine;
            if (id === undefined) return;
            deleteMyReply(id).then(({ result, deleted }) => {
              if (!result.ok) {
                if (!('problems' in result)) sayRefused(result);
                return;
              }
              if (!deleted) return;
              // Stays until the next action (not a fading confirmation): the agent may want it back.
              setNotice({
                tone: 'info',
                text: t('myReplyDeleted', { title: reply.title }),
                seq: ++seqRef.current,
                action: {
                  label: t('undo'),
                  run: () =>
                    restoreMyReply(deleted).then((restored) => {
                      if (restored.ok) setNotice(null);
                      else if (!('problems' in restored)) sayRefused(restored);
                    }, sayFailed),
                },
              });
            }, sayFailed);
          },
          onSave: async (draft) => {
            try {
              const result = await saveMyReply(draft, Object.keys(catalog?.merged.variables ?? {}));
              if (result.ok) {
                setReplyForm(null);
                say('ok', t('myReplySaved', { title: myReplyTitle(draft) }));
                return [];
              }
              if ('problems' in result) return result.problems;
              sayRefused(result);
            } catch (error) {
              sayFailed(error);
            }
            return [];
          },
          onClose: () => setReplyForm(null),
        };

  return (
    <I18nProvider locale={locale}>
      <Panel
        status={pageStatusOf(connection)}
        pinned={pinned !== null}
        hasComposer={state?.hasComposer ?? false}
        noteMode={state?.noteMode ?? false}
        detection={detection}
        teach={teach}
        stages={stages}
        repliesFor={repliesFor}
        search={search}
        findings={state?.findings ?? []}
        checklist={checklist}
        conversationKey={conversationKey}
        draftLength={state?.draftLength ?? 0}
        checkedLength={MAX_INPUT_LINE_CHARS}
        notice={notice}
        command={command}
        suggestionShortcuts={shortcuts}
        onInsert={(reply, text) => void onInsert(reply, text)}
        onCopy={(text) => void onCopy(text)}
        onApplyFinding={(finding) => void onApplyFinding(finding)}
        onStartPicker={() => void onStartPicker()}
        onEnableSite={onEnableSite}
        onDisableSite={onDisableSite}
        picksInUse={state?.site?.id === 'generic'}
        onResetPicks={onResetPicks}
        onReload={onReload}
        onExportUsage={onExportUsage}
        tipsOpen={layout.tipsOpen}
        onTipsOpenChange={(tipsOpen) => {
          setLayout({ ...layout, tipsOpen });
          void panelLayoutItem.setValue({ ...layout, tipsOpen });
        }}
        onResetUsage={onResetUsage}
        mine={mine}
      />
    </I18nProvider>
  );
}

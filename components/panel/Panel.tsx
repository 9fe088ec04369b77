// The side panel's view: page state, the customer's message, draft warnings, replies (suggested, by stage or searched).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Banner } from '../common/Banner.tsx';
import { MyReplyForm } from '../common/MyReplyForm.tsx';
import { useI18n } from '../common/i18n.tsx';
import { ChecklistSection } from './ChecklistSection.tsx';
import { DetectionSection } from './DetectionSection.tsx';
import { FindingList } from './FindingList.tsx';
import { PageStatusBanner } from './PageStatusBanner.tsx';
import { ReplyItem } from './ReplyItem.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SensitiveNotice } from './SensitiveNotice.tsx';
import { StageBar } from './StageBar.tsx';
import type {
  ChecklistView,
  DetectionView,
  Finding,
  MyRepliesView,
  PageStatus,
  PanelCommand,
  PanelNotice,
  ReplyView,
  StageView,
  TeachView,
} from './types.ts';
import { UsageFooter } from './UsageFooter.tsx';

export interface PanelProps {
  status: PageStatus;
  /** The panel was opened for one tab (?tab=) instead of following the active one. */
  pinned: boolean;
  hasComposer: boolean;
  noteMode: boolean;
  /** null before the first customer message. */
  detection: DetectionView | null;
  /** "Not this" and the scenario picker beside the detection (absent: not offered). */
  teach?: TeachView;
  stages: StageView[];
  /** Ranked, variables filled, for a scenario or stage id. */
  repliesFor: (scopeId: string) => ReplyView[];
  search: (query: string) => ReplyView[];
  findings: Finding[];
  /** The open conversation's checklist; null when the packs have none or no conversation is read. */
  checklist?: ChecklistView | null;
  /** Changes when the agent moves to another conversation (the tab and its address): a pinned scenario is let go. */
  conversationKey?: string;
  draftLength: number;
  /** How much of a long draft lint reads (the engine's MAX_INPUT_LINE_CHARS). */
  checkedLength: number;
  notice: PanelNotice | null;
  command: PanelCommand | null;
  /** Key labels of the insert-suggestion commands 1–3, as the browser has them (the agent may have changed them). */
  suggestionShortcuts: string[];
  onInsert: (reply: ReplyView, text: string) => void;
  onCopy: (text: string) => void;
  onApplyFinding: (finding: Finding) => void;
  onStartPicker: () => void;
  onEnableSite: () => void;
  /** Switches Huashu off on the page's site (shown while it runs there). */
  onDisableSite?: () => void;
  picksInUse?: boolean;
  onResetPicks?: () => void;
  onReload: () => void;
  onExportUsage: () => void;
  onResetUsage: () => void;
  /** The agent's own replies: save, change, delete (absent: turned off by a policy). */
  mine?: MyRepliesView;
  /** Whether the scenario's tips show unfolded: folded until the agent opens them, then kept open. */
  tipsOpen?: boolean;
  onTipsOpenChange?: (open: boolean) => void;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

export function Panel(props: PanelProps) {
  const { t } = useI18n();
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [chosenScopeId, setChosenScopeId] = useState<string | null>(null);
  // A scenario the agent pinned for this conversation: new messages do not take it away; another conversation does.
  const [pinnedScope, setPinnedScope] = useState<{ id: string; title: string } | null>(null);
  const activeIndexRef = useRef(-1);

  const detectedIds = props.detection?.scenarios.map((s) => s.id).join(' ') ?? '';
  // A new customer message brings its own best scenario to the front again, unless one is pinned.
  useEffect(() => setChosenScopeId(null), [detectedIds]);
  useEffect(() => setPinnedScope(null), [props.conversationKey]);
  const scopeId = chosenScopeId ?? pinnedScope?.id ?? props.detection?.scenarios[0]?.id ?? null;
  const pinned = scopeId !== null && scopeId === pinnedScope?.id;

  const searching = query.trim() !== '';
  const mine = props.mine;
  const { search, repliesFor } = props;
  const listed = useMemo(
    () => (searching ? search(query) : scopeId ? repliesFor(scopeId) : []),
    [searching, query, scopeId, search, repliesFor],
  );
  // A scenario's replies in the conversation's language; the others one click away (search shows every language).
  const [otherLanguagesShown, setOtherLanguagesShown] = useState(false);
  useEffect(() => setOtherLanguagesShown(false), [scopeId]);
  const sameLanguage = useMemo(() => listed.filter((reply) => !reply.otherLanguage), [listed]);
  const replies = searching || otherLanguagesShown || sameLanguage.length === 0 ? listed : sameLanguage;
  const otherLanguagesHidden = listed.length - replies.length;
  const repliesRef = useRef(replies);
  repliesRef.current = replies;

  const scopeTitle =
    props.detection?.scenarios.find((s) => s.id === scopeId)?.title ??
    props.stages.find((s) => s.id === scopeId)?.title ??
    (pinned ? pinnedScope?.title : undefined) ??
    replies[0]?.scopeTitle ??
    scopeId ??
    '';

  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  const focusReply = (index: number) => {
    const count = repliesRef.current.length;
    if (count === 0) return;
    const clamped = Math.max(0, Math.min(count - 1, index));
    activeIndexRef.current = clamped;
    rootRef.current?.querySelector<HTMLButtonElement>(`[data-reply-index="${clamped}"] .reply-insert`)?.focus();
  };

  useEffect(() => {
    const command = props.command;
    if (!command) return;
    if (command.kind === 'focus-search') {
      window.focus();
      focusSearch();
    } else {
      const reply = repliesRef.current[command.index];
      if (reply) props.onInsert(reply, reply.text);
    }
    // Only a new command (seq) acts; re-renders must not insert twice.
  }, [props.command?.seq]);

  // On the document, not the panel's root: with nothing focused yet, keys go to <body>.
  useEffect(() => {
    const onGlobalKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const isCtrlK = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
      const isSlash =
        event.key === '/' && !isEditable(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (isCtrlK || isSlash) {
        event.preventDefault();
        focusSearch();
      }
    };
    document.addEventListener('keydown', onGlobalKey);
    return () => document.removeEventListener('keydown', onGlobalKey);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const inEditor = isEditable(event.target);
    const inList = event.target instanceof HTMLElement && event.target.closest('.reply-list') !== null;
    if (inList && !inEditor && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const current = activeIndexRef.current;
      if (event.key === 'ArrowUp' && current <= 0) focusSearch();
      else focusReply(current + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (inList && !inEditor && (event.key === 'Home' || event.key === 'End')) {
      event.preventDefault();
      focusReply(event.key === 'Home' ? 0 : repliesRef.current.length - 1);
    }
  };

  const selectScope = (id: string) => {
    setChosenScopeId(id);
    setQuery('');
  };

  return (
    <div class="panel" ref={rootRef} onKeyDown={onKeyDown}>
      <header class="panel-header">
        <h1>{t('appTitle')}</h1>
        {props.status.kind === 'ready' && (
          <span class="site-name">{props.status.generic ? t('siteGeneric') : props.status.siteName}</span>
        )}
        {props.pinned && <span class="tag">{t('pinnedTab')}</span>}
        {props.status.kind === 'ready' && props.onDisableSite && (
          <button
            type="button"
            class="button button-small header-action"
            data-testid="disable-site"
            onClick={props.onDisableSite}
          >
            {t('disableSite')}
          </button>
        )}
      </header>
      <SearchBox
        query={query}
        inputRef={searchRef}
        onQueryChange={setQuery}
        onMoveIntoResults={(direction) => focusReply(direction === 1 ? 0 : repliesRef.current.length - 1)}
        onSubmit={() => {
          const first = repliesRef.current[0];
          if (first) props.onInsert(first, first.text);
        }}
      />
      <PageStatusBanner
        status={props.status}
        hasComposer={props.hasComposer}
        noteMode={props.noteMode}
        onStartPicker={props.onStartPicker}
        onEnableSite={props.onEnableSite}
        picksInUse={props.picksInUse}
        onResetPicks={props.onResetPicks}
        onReload={props.onReload}
      />
      <FindingList
        findings={props.findings}
        draftLength={props.draftLength}
        checkedLength={props.checkedLength}
        onApplyFinding={props.onApplyFinding}
      />
      <SensitiveNotice detection={props.detection} />
      {props.status.kind === 'ready' && (
        <DetectionSection
          detection={props.detection}
          selectedScopeId={scopeId}
          onSelectScenario={selectScope}
          onSearch={focusSearch}
          teach={props.teach}
          tipsOpen={props.tipsOpen}
          onTipsOpenChange={props.onTipsOpenChange}
        />
      )}
      <StageBar stages={props.stages} selectedScopeId={searching ? null : scopeId} onSelectStage={selectScope} />
      <section class="section" aria-labelledby="replies-heading">
        <div class="section-head">
          <h2 id="replies-heading">
            {searching
              ? t('searchResults', { count: replies.length })
              : scopeId
                ? t('repliesHeading', { scope: scopeTitle })
                : t('searchLabel')}
          </h2>
          {searching && (
            <button type="button" class="button button-small" onClick={() => setQuery('')}>
              {t('clearSearch')}
            </button>
          )}
          {!searching && scopeId && (
            <button
              type="button"
              class="button button-small"
              data-testid="pin-scope"
              aria-pressed={pinned}
              title={t(pinned ? 'unpinScopeHint' : 'pinScopeHint')}
              onClick={() => setPinnedScope(pinned ? null : { id: scopeId, title: scopeTitle })}
            >
              {t(pinned ? 'unpinScope' : 'pinScope')}
            </button>
          )}
        </div>
        {mine?.form && (
          <MyReplyForm
            key={`${mine.form.initial.id}|${mine.form.initial.text}`}
            initial={mine.form.initial}
            editing={mine.form.editing}
            scopes={mine.scopes}
            onSave={mine.onSave}
            onCancel={mine.onClose}
          />
        )}
        {searching && replies.length === 0 && (
          <p class="muted" data-testid="search-empty">
            {t('searchNoResults', { query: query.trim() })}
          </p>
        )}
        {!searching && scopeId && replies.length === 0 && <p class="muted">{t('noReplies')}</p>}
        {!searching && !scopeId && (
          <p class="muted" data-testid="pick-scope">
            {t('pickScopeHint')}
          </p>
        )}
        <ol class="reply-list">
          {replies.map((reply, index) => (
            <ReplyItem
              key={reply.key}
              reply={reply}
              index={index}
              shortcut={searching ? undefined : props.suggestionShortcuts[index] || undefined}
              noteMode={props.noteMode}
              showScope={searching}
              onInsert={props.onInsert}
              onCopy={props.onCopy}
              mine={mine}
              onFocusItem={(i) => {
                activeIndexRef.current = i;
              }}
            />
          ))}
        </ol>
        {otherLanguagesHidden > 0 && (
          <button
            type="button"
            class="link-button"
            data-testid="show-other-languages"
            onClick={() => setOtherLanguagesShown(true)}
          >
            {t('showOtherLanguages', { count: otherLanguagesHidden })}
          </button>
        )}
        {/* After the list: on a narrow panel these would push the first reply down. */}
        {mine?.writable && !mine.form && (
          <div class="row reply-list-actions">
            {props.hasComposer && props.draftLength > 0 && (
              <button
                type="button"
                class="button button-small"
                data-testid="my-reply-from-draft"
                onClick={() => mine.onFromDraft(searching ? null : scopeId)}
              >
                {t('myReplyFromDraft')}
              </button>
            )}
            <button
              type="button"
              class="button button-small"
              data-testid="my-reply-new"
              onClick={() => mine.onNew(searching ? null : scopeId)}
            >
              {t('myReplyNew')}
            </button>
          </div>
        )}
      </section>
      {props.checklist && <ChecklistSection checklist={props.checklist} />}
      <UsageFooter onExportUsage={props.onExportUsage} onResetUsage={props.onResetUsage} />
      {/* At the bottom and sticky: a result appearing must not push the button under the agent's pointer. */}
      <div class="notice-area">
        {props.notice && (
          <Banner
            tone={props.notice.tone}
            testId="notice"
            key={props.notice.seq}
            actions={
              props.notice.action ? [{ label: props.notice.action.label, onClick: props.notice.action.run }] : []
            }
          >
            {props.notice.text}
            {props.notice.detail !== undefined && (
              <div class="notice-detail" data-testid="notice-detail">
                {props.notice.detail}
              </div>
            )}
          </Banner>
        )}
      </div>
    </div>
  );
}

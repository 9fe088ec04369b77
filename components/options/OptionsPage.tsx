// The options page: installed packs (and the pack editor), adding a pack, backup, the agent's own replies, what the agent taught, the sites Huashu is on for and the agent's settings (props in, callbacks out).
import { Banner } from '../common/Banner.tsx';
import { problemMessage } from '../../engine/packs.ts';
import { useI18n } from '../common/i18n.tsx';
import { AddPack, type AddPackProps } from './AddPack.tsx';
import { PackList, type PackListProps } from './PackList.tsx';
import { MyRepliesSection, type MyRepliesSectionProps } from './MyRepliesSection.tsx';
import { PackEditor, type PackEditorProps } from './PackEditor.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { SitesSection, type SitesSectionProps } from './SitesSection.tsx';
import { TaughtSection, type TaughtSectionProps } from './TaughtSection.tsx';
import type { PackProblem } from '../../engine/types.ts';
import type { PackVariableView, SettingsView } from './types.ts';
import { UndoToast } from './UndoToast.tsx';

export interface OptionsPageProps extends PackListProps, AddPackProps {
  loading: boolean;
  settings: SettingsView;
  onSaveSettings: (settings: SettingsView) => void;
  /** Result of the last action, or why it was refused. */
  notice?: { tone: 'ok' | 'error'; text: string; problems?: PackProblem[] };
  /** The pack just removed, while it can still be put back. */
  undo?: { name: string };
  onUndo: () => void;
  onUndoExpire: () => void;
  onExportAll: () => void;
  onImportAll: (file: File) => void;
  /** Variables the enabled packs define, filled in the settings. */
  variables?: PackVariableView[];
  /** The levels and teams the enabled packs name, offered in the settings. */
  audienceNames?: { levels: string[]; teams: string[] };
  /** What the administrator's policy got wrong at its last reading (empty when it applied in full). */
  policyProblems?: string[];
  /** Settings the administrator's policy sets: the form shows them read-only. */
  lockedSettings?: readonly string[];
  /** The sites Huashu is on or off for (absent: the section is not shown, as in component tests of other parts). */
  sites?: SitesSectionProps;
  /** What the agent taught (absent: the section is not shown, as in component tests of other parts). */
  taught?: TaughtSectionProps;
  /** The agent's own replies (absent: turned off by a policy, or not shown in component tests of other parts). */
  myReplies?: MyRepliesSectionProps;
  /** The pack open in the editor, if any. */
  packEditor?: PackEditorProps;
}

export function OptionsPage(props: OptionsPageProps) {
  const { t, locale } = useI18n();
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {props.notice && (
        <Banner tone={props.notice.tone} testId="options-notice">
          {props.notice.text}
          {props.notice.problems && (
            <ul class="problems">
              {props.notice.problems.map((p, i) => (
                <li key={i}>
                  {p.path && <code class="problem-path">{p.path}</code>} <span>{problemMessage(p, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </Banner>
      )}
      {props.policyProblems && props.policyProblems.length > 0 && (
        <Banner tone="warning" testId="policy-problems">
          {t('policyProblems')}
          <ul class="problems">
            {props.policyProblems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </Banner>
      )}
      <section class="card" aria-labelledby="packs-heading">
        <h2 id="packs-heading">{t('packsHeading')}</h2>
        <p class="muted">{t('packsExplain')}</p>
        {props.loading ? (
          <p>{t('loadingPacks')}</p>
        ) : (
          <PackList
            packs={props.packs}
            onToggle={props.onToggle}
            onMove={props.onMove}
            onRemove={props.onRemove}
            onExport={props.onExport}
            onRefresh={props.onRefresh}
            onEdit={props.onEdit}
            onCopyToEdit={props.onCopyToEdit}
          />
        )}
      </section>
      {props.packEditor && <PackEditor {...props.packEditor} />}
      <AddPack onCheck={props.onCheck} onSave={props.onSave} onFetchUrl={props.onFetchUrl} />
      <section class="card" aria-labelledby="backup-heading">
        <h2 id="backup-heading">{t('backupHeading')}</h2>
        <p class="muted">{t('backupExplain')}</p>
        <button type="button" class="button" data-testid="export-all" onClick={props.onExportAll}>
          {t('exportAll')}
        </button>
        <label class="field">
          <span>{t('importAll')}</span>
          <input
            type="file"
            accept=".json"
            data-testid="import-all"
            onChange={(e) => {
              const target = e.currentTarget as HTMLInputElement;
              const file = target.files?.[0];
              if (file) props.onImportAll(file);
              target.value = '';
            }}
          />
        </label>
      </section>
      {props.myReplies && <MyRepliesSection {...props.myReplies} />}
      {props.taught && <TaughtSection {...props.taught} />}
      {props.sites && <SitesSection {...props.sites} />}
      <SettingsForm
        settings={props.settings}
        onSave={props.onSaveSettings}
        variables={props.variables}
        audienceNames={props.audienceNames}
        locked={props.lockedSettings}
      />
      {props.undo && (
        <UndoToast
          message={t('removedToast', { name: props.undo.name })}
          onUndo={props.onUndo}
          onExpire={props.onUndoExpire}
        />
      )}
    </main>
  );
}

// The agent's own details, filled into replies ({agentName}, {agentId}, {company}), and the interface language.
import { useEffect, useState } from 'preact/hooks';
import { isUsableTrigger } from '../../utils/expansion-query.ts';
import { useI18n } from '../common/i18n.tsx';
import type { PackVariableView, SendGuardChoice, SettingsView, UiLanguageChoice } from './types.ts';

export interface SettingsFormProps {
  settings: SettingsView;
  onSave: (settings: SettingsView) => void;
  /** Variables the enabled packs define, whose values the agent fills in here. */
  variables?: PackVariableView[];
  /** Settings the administrator's policy sets (keys of SettingsView): shown, not editable. */
  locked?: readonly string[];
  /** The levels and teams the enabled packs name, offered as the agent types. */
  audienceNames?: { levels: string[]; teams: string[] };
}

// Language names are written in their own language, so anyone can find theirs.
const LANGUAGE_NAMES: Array<[Exclude<UiLanguageChoice, 'auto'>, string]> = [
  ['zh-CN', '简体中文'],
  ['zh-TW', '繁體中文'],
  ['en', 'English'],
];

export function SettingsForm(props: SettingsFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<SettingsView>(props.settings);
  // Only a change of the stored values resets what the agent is typing: the page builds a new settings object on every
  // render (a pack saved, a notice shown), which must not wipe a field being filled.
  const storedKey = JSON.stringify(props.settings);
  useEffect(() => setDraft(props.settings), [storedKey]);
  const isLocked = (field: keyof SettingsView) => (props.locked ?? []).includes(field);
  // Said beside each field the policy sets, so the agent does not type a value that would not be kept.
  const lockNote = (field: keyof SettingsView) =>
    isLocked(field) ? (
      <small class="muted locked-note" data-locked={field}>
        {t('settingLockedByPolicy')}
      </small>
    ) : null;
  const text = (
    field: 'agentName' | 'agentId' | 'company' | 'agentLevel' | 'agentTeam',
    label: string,
    options?: { hint: string; names: string[] },
  ) => (
    <label class="field">
      <span>{label}</span>
      <input
        type="text"
        name={field}
        value={draft[field] ?? ''}
        maxLength={200}
        disabled={isLocked(field)}
        list={options && options.names.length > 0 ? `${field}-names` : undefined}
        onInput={(e) => setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value })}
      />
      {options && options.names.length > 0 && (
        <datalist id={`${field}-names`}>
          {options.names.map((name) => (
            <option value={name} key={name} />
          ))}
        </datalist>
      )}
      {options && <small class="muted">{options.hint}</small>}
      {lockNote(field)}
    </label>
  );
  // The `;;` picker: a trigger that would clash with the helpdesk ("/") or with words is refused before it is saved.
  const trigger = draft.expansionTrigger ?? ';;';
  const triggerProblem = isUsableTrigger(trigger)
    ? null
    : t('settingsExpansionTriggerInvalid', { trigger, current: props.settings.expansionTrigger ?? ';;' });
  return (
    <form
      class="card"
      aria-labelledby="settings-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (triggerProblem) return;
        const customVariables = Object.fromEntries(
          Object.entries(draft.customVariables ?? {})
            .map(([name, value]) => [name, value.trim()] as const)
            .filter(([, value]) => value !== ''),
        );
        props.onSave({
          ...draft,
          agentName: draft.agentName.trim(),
          agentId: draft.agentId.trim(),
          company: draft.company.trim(),
          agentLevel: (draft.agentLevel ?? '').trim(),
          agentTeam: (draft.agentTeam ?? '').trim(),
          customVariables,
        });
      }}
    >
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      {text('agentName', t('agentNameLabel'))}
      {text('agentId', t('agentIdLabel'))}
      {text('company', t('companyLabel'))}
      {text('agentLevel', t('agentLevelLabel'), {
        hint: t('agentLevelHint'),
        names: props.audienceNames?.levels ?? [],
      })}
      {text('agentTeam', t('agentTeamLabel'), { hint: t('agentTeamHint'), names: props.audienceNames?.teams ?? [] })}
      {(props.variables ?? []).length > 0 && (
        <fieldset class="field-group" data-testid="pack-variables" disabled={isLocked('customVariables')}>
          <legend>{t('packVariablesLegend')}</legend>
          {lockNote('customVariables')}
          {(props.variables ?? []).map((variable) => (
            <label class="field" key={variable.name}>
              <span>
                {variable.label} <code>{`{${variable.name}}`}</code>
              </span>
              <input
                type="text"
                name={`variable-${variable.name}`}
                value={draft.customVariables?.[variable.name] ?? ''}
                placeholder={variable.fallback ?? ''}
                maxLength={200}
                onInput={(e) =>
                  setDraft({
                    ...draft,
                    customVariables: {
                      ...draft.customVariables,
                      [variable.name]: (e.currentTarget as HTMLInputElement).value,
                    },
                  })
                }
              />
            </label>
          ))}
        </fieldset>
      )}
      <label class="field">
        <span>{t('uiLanguageLabel')}</span>
        <select
          name="uiLanguage"
          value={draft.uiLanguage}
          disabled={isLocked('uiLanguage')}
          onChange={(e) =>
            setDraft({ ...draft, uiLanguage: (e.currentTarget as HTMLSelectElement).value as UiLanguageChoice })
          }
        >
          <option value="auto">{t('uiLanguageAuto')}</option>
          {LANGUAGE_NAMES.map(([value, name]) => (
            <option value={value} key={value}>
              {name}
            </option>
          ))}
        </select>
        {lockNote('uiLanguage')}
      </label>
      <label class="field field-check">
        <input
          type="checkbox"
          name="expansionEnabled"
          checked={draft.expansionEnabled !== false}
          disabled={isLocked('expansionEnabled')}
          onChange={(e) => setDraft({ ...draft, expansionEnabled: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{t('settingsExpansionEnabled')}</span>
        {lockNote('expansionEnabled')}
      </label>
      <label class="field">
        <span>{t('settingsExpansionTrigger')}</span>
        <input
          type="text"
          name="expansionTrigger"
          value={trigger}
          maxLength={8}
          disabled={isLocked('expansionTrigger')}
          aria-invalid={triggerProblem !== null}
          aria-describedby={triggerProblem ? 'expansion-trigger-problem' : undefined}
          onInput={(e) => setDraft({ ...draft, expansionTrigger: (e.currentTarget as HTMLInputElement).value })}
        />
        {lockNote('expansionTrigger')}
      </label>
      {triggerProblem && (
        <p id="expansion-trigger-problem" class="field-error" role="alert">
          {triggerProblem}
        </p>
      )}
      <label class="field">
        <span>{t('settingsSendGuard')}</span>
        <select
          name="sendGuard"
          value={draft.sendGuard ?? 'confirm'}
          disabled={isLocked('sendGuard')}
          onChange={(e) =>
            setDraft({ ...draft, sendGuard: (e.currentTarget as HTMLSelectElement).value as SendGuardChoice })
          }
        >
          <option value="confirm">{t('settingsSendGuardConfirm')}</option>
          <option value="block">{t('settingsSendGuardBlock')}</option>
          <option value="off">{t('settingsSendGuardOff')}</option>
        </select>
        {lockNote('sendGuard')}
      </label>
      <button type="submit" class="button button-primary">
        {t('saveSettings')}
      </button>
    </form>
  );
}

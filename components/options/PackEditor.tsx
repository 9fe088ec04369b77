// The pack editor: a pack's text with its problems as the command line words them, its own examples checked live, a box to try a message or a draft, and save (Undo keeps the version before), export, close.
import { useI18n } from '../common/i18n.tsx';

export type EditorFormat = 'yaml' | 'json';

interface EditorProblemView {
  /** "line 12, column 5" or the field path, as the place to look. */
  place: string;
  message: string;
}

interface ExampleCheckView {
  kind: 'rule' | 'scenario';
  id: string;
  passed: number;
  total: number;
  /** The examples it got wrong, each with what was expected ("should be caught", "should pass"…). */
  misses: Array<{ text: string; expected: string }>;
}

export interface PackEditorProps {
  packName: string;
  text: string;
  format: EditorFormat;
  /** Still reading the text (the checks below are of an earlier version). */
  checking: boolean;
  problems: EditorProblemView[];
  /** The pack's examples, checked on the packs as they would be with this version saved; null while the text has problems. */
  checks: ExampleCheckView[] | null;
  trialMessage: string;
  trialDraft: string;
  /** What detection says of the trial message: a scenario title, "none", or nothing yet. */
  trialScenario: string | null;
  trialFindings: Array<{ ruleId: string; text: string; message: string }>;
  canUndo: boolean;
  saving: boolean;
  /** Why the chosen export could not be written (CSV cannot hold some fields). */
  exportProblem?: string;
  onTextChange: (text: string) => void;
  onFormatChange: (format: EditorFormat) => void;
  onTrialMessage: (text: string) => void;
  onTrialDraft: (text: string) => void;
  onSave: () => void;
  onUndo: () => void;
  onExport: (format: 'json' | 'yaml' | 'csv') => void;
  onClose: () => void;
}

export function PackEditor(props: PackEditorProps) {
  const { t } = useI18n();
  const allPass = props.checks?.every((check) => check.passed === check.total) ?? false;
  return (
    <section class="card pack-editor" aria-labelledby="pack-editor-heading" data-testid="pack-editor">
      <div class="section-head">
        <h2 id="pack-editor-heading">{t('editorHeading', { name: props.packName })}</h2>
        <button type="button" class="button button-small" onClick={props.onClose}>
          {t('editorClose')}
        </button>
      </div>
      <p class="muted">{t('editorExplain')}</p>
      <label class="field-check">
        <span>{t('editorFormat')}</span>
        <select
          value={props.format}
          onChange={(event) => props.onFormatChange(event.currentTarget.value as EditorFormat)}
          disabled={props.problems.length > 0}
        >
          <option value="yaml">YAML</option>
          <option value="json">JSON</option>
        </select>
      </label>
      <textarea
        class="pack-editor-text"
        data-testid="pack-editor-text"
        aria-label={t('editorTextLabel', { name: props.packName })}
        aria-invalid={props.problems.length > 0}
        aria-describedby="pack-editor-problems"
        spellcheck={false}
        rows={18}
        value={props.text}
        onInput={(event) => props.onTextChange(event.currentTarget.value)}
      />
      <div id="pack-editor-problems" aria-live="polite">
        {props.problems.length > 0 ? (
          <div class="field-error" data-testid="pack-editor-problems">
            <p>{t('editorProblems', { count: props.problems.length })}</p>
            <ul class="problems">
              {props.problems.map((problem, i) => (
                <li key={i}>
                  <code class="problem-path">{problem.place}</code> <span>{problem.message}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          !props.checking && <p class="muted">{t('editorValid')}</p>
        )}
      </div>
      {props.checks && props.checks.length > 0 && (
        <details class="pack-editor-checks" open={!allPass}>
          <summary data-testid="pack-editor-examples">
            {t(allPass ? 'editorExamplesAllPass' : 'editorExamplesSomeFail', {
              passed: props.checks.reduce((sum, check) => sum + check.passed, 0),
              total: props.checks.reduce((sum, check) => sum + check.total, 0),
            })}
          </summary>
          <ul>
            {props.checks.map((check) => (
              <li key={`${check.kind}:${check.id}`} data-example-check={check.id}>
                <span class={check.passed === check.total ? 'check-pass' : 'check-fail'}>
                  {t(check.kind === 'rule' ? 'editorRuleExamples' : 'editorScenarioExamples', {
                    id: check.id,
                    passed: check.passed,
                    total: check.total,
                  })}
                </span>
                {check.misses.length > 0 && (
                  <ul>
                    {check.misses.map((miss, i) => (
                      <li key={i}>
                        {miss.expected}: <q>{miss.text}</q>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      <fieldset class="pack-editor-trial">
        <legend>{t('editorTry')}</legend>
        <label class="field">
          <span>{t('editorTryMessage')}</span>
          <input
            type="text"
            value={props.trialMessage}
            data-testid="pack-editor-try-message"
            onInput={(event) => props.onTrialMessage(event.currentTarget.value)}
          />
        </label>
        {props.trialScenario !== null && (
          <p data-testid="pack-editor-try-scenario">{t('editorTryScenario', { scenario: props.trialScenario })}</p>
        )}
        <label class="field">
          <span>{t('editorTryDraft')}</span>
          <input
            type="text"
            value={props.trialDraft}
            data-testid="pack-editor-try-draft"
            onInput={(event) => props.onTrialDraft(event.currentTarget.value)}
          />
        </label>
        {props.trialDraft.trim() !== '' && (
          <ul data-testid="pack-editor-try-findings">
            {props.trialFindings.length === 0 ? (
              <li class="muted">{t('editorTryNoFindings')}</li>
            ) : (
              props.trialFindings.map((finding, i) => (
                <li key={i} data-rule-id={finding.ruleId}>
                  <q>{finding.text}</q> {finding.message} <code>{finding.ruleId}</code>
                </li>
              ))
            )}
          </ul>
        )}
      </fieldset>
      <div class="form-actions">
        <button
          type="button"
          class="button button-primary"
          data-testid="pack-editor-save"
          disabled={props.saving || props.problems.length > 0}
          onClick={props.onSave}
        >
          {t('editorSave')}
        </button>
        {props.canUndo && (
          <button type="button" class="button" data-testid="pack-editor-undo" onClick={props.onUndo}>
            {t('editorUndo')}
          </button>
        )}
        <button type="button" class="button" onClick={() => props.onExport('json')}>
          {t('editorExport', { format: 'JSON' })}
        </button>
        <button type="button" class="button" onClick={() => props.onExport('yaml')}>
          {t('editorExport', { format: 'YAML' })}
        </button>
        <button type="button" class="button" onClick={() => props.onExport('csv')}>
          {t('editorExport', { format: 'CSV' })}
        </button>
      </div>
      {props.exportProblem && (
        <p class="field-error" role="alert">
          {props.exportProblem}
        </p>
      )}
    </section>
  );
}

// "Add a pack": a file or pasted text is checked first; every problem is listed with its place, or a preview with Save.
import { useState } from 'preact/hooks';
import { problemMessage, type ProblemLocale } from '../../engine/packs.ts';
import type { PackProblem } from '../../engine/types.ts';
import { Banner } from '../common/Banner.tsx';
import { useI18n } from '../common/i18n.tsx';
import type { ActionResult, ImportCheckView } from './types.ts';

export interface PackInput {
  text: string;
  /** The chosen file's name (or the downloaded file's); none for pasted text. */
  fileName?: string;
  /** The address the pack was downloaded from, to fetch it again later. */
  url?: string;
}

export interface AddPackProps {
  onCheck: (input: PackInput) => ImportCheckView;
  onSave: (input: PackInput) => Promise<ActionResult>;
  /** Downloads a pack from an address and checks it; must be called straight from the click (it may ask for permission). */
  onFetchUrl: (
    url: string,
  ) => Promise<{ ok: true; input: PackInput; check: ImportCheckView } | { ok: false; message: string }>;
}

const PACK_FILE = /\.(json|ya?ml|csv)$/iu;

export function AddPack(props: AddPackProps) {
  const { t, locale } = useI18n();
  const [pasted, setPasted] = useState('');
  const [input, setInput] = useState<PackInput | null>(null);
  const [check, setCheck] = useState<ImportCheckView | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [address, setAddress] = useState('');
  const [fetching, setFetching] = useState(false);

  const run = (next: PackInput) => {
    setInput(next);
    setMessage(null);
    setCheck(props.onCheck(next));
  };

  const onFile = async (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    const file = target.files?.[0];
    if (!file) return;
    setCheck(null);
    if (!PACK_FILE.test(file.name)) {
      setMessage({ tone: 'error', text: t('fileWrongType', { file: file.name }) });
      return;
    }
    try {
      run({ text: await file.text(), fileName: file.name });
    } catch (error) {
      setMessage({ tone: 'error', text: t('fileReadFailed', { file: file.name, error: String(error) }) });
    }
    // The same file can be chosen again after it is fixed.
    target.value = '';
  };

  const fetchUrl = async () => {
    setMessage(null);
    setCheck(null);
    setFetching(true);
    const result = await props.onFetchUrl(address.trim());
    setFetching(false);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.message });
      return;
    }
    setInput(result.input);
    setCheck(result.check);
  };

  const save = async () => {
    if (!input || !check?.ok) return;
    setSaving(true);
    const result = await props.onSave(input);
    setSaving(false);
    if (result.ok) {
      setMessage({ tone: 'ok', text: t('saved', { name: check.preview.name }) });
      setCheck(null);
      setInput(null);
      if (!input.fileName) setPasted('');
      if (input.url) setAddress('');
    } else setMessage({ tone: 'error', text: result.message });
  };

  return (
    <section class="card" aria-labelledby="add-heading">
      <h2 id="add-heading">{t('addHeading')}</h2>
      <p class="muted">{t('addExplain')}</p>
      <label class="field">
        <span>{t('chooseFile')}</span>
        <input type="file" accept=".json,.yaml,.yml,.csv" data-testid="pack-file" onChange={(e) => void onFile(e)} />
      </label>
      <label class="field">
        <span>{t('pasteLabel')}</span>
        <textarea
          rows={8}
          spellcheck={false}
          data-testid="pack-paste"
          value={pasted}
          onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <button
        type="button"
        class="button"
        data-testid="pack-check"
        disabled={pasted.trim() === ''}
        onClick={() => run({ text: pasted })}
      >
        {t('check')}
      </button>
      <div class="field">
        <label for="pack-url">{t('urlLabel')}</label>
        <div class="row">
          <input
            id="pack-url"
            type="url"
            placeholder="https://"
            data-testid="pack-url"
            value={address}
            onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)}
          />
          <button
            type="button"
            class="button"
            data-testid="pack-fetch"
            disabled={address.trim() === '' || fetching}
            onClick={() => void fetchUrl()}
          >
            {fetching ? t('fetching') : t('fetchUrl')}
          </button>
        </div>
        <span class="muted">{t('urlExplain')}</span>
      </div>

      {message && (
        <Banner tone={message.tone} testId="add-message">
          {message.text}
        </Banner>
      )}
      {check && !check.ok && (
        <div class="banner banner-error" role="alert" data-testid="pack-problems">
          <strong class="banner-title">{t('problemsHeading', { count: check.problems.length })}</strong>
          <ProblemList problems={check.problems} locale={locale} />
        </div>
      )}
      {check && check.ok && (
        <div class="preview" data-testid="pack-preview">
          <h3>{t('previewHeading', { name: check.preview.name, version: check.preview.version })}</h3>
          {check.preview.replacesVersion !== undefined && (
            <p>{t('previewReplaces', { version: check.preview.replacesVersion })}</p>
          )}
          {check.preview.notices.length > 0 && (
            <Banner
              tone="warning"
              testId="pack-notices"
              title={t('noticesHeading', { count: check.preview.notices.length })}
            >
              <ProblemList problems={check.preview.notices} locale={locale} />
            </Banner>
          )}
          {check.preview.adds.length === 0 && check.preview.overrides.length === 0 && <p>{t('previewNothing')}</p>}
          {check.preview.adds.length > 0 && (
            <details open={check.preview.adds.length <= 12}>
              <summary>{t('previewAdds', { count: check.preview.adds.length })}</summary>
              <ul class="changes">
                {check.preview.adds.map((c) => (
                  <li key={`${c.kind}:${c.parent ?? ''}:${c.id}`}>
                    <span class="tag">{t(`kind_${c.kind}`)}</span> <ChangeName change={c} />
                    {c.parent && <span class="muted"> ({c.parent})</span>}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {check.preview.overrides.length > 0 && (
            <details open={check.preview.overrides.length <= 12}>
              <summary>{t('previewOverrides', { count: check.preview.overrides.length })}</summary>
              <ul class="changes">
                {check.preview.overrides.map((c) => (
                  <li key={`${c.kind}:${c.parent ?? ''}:${c.id}`}>
                    <span class="tag">{t(`kind_${c.kind}`)}</span> <ChangeName change={c} />
                    {c.parent && <span class="muted"> ({c.parent})</span>}{' '}
                    <span class="muted">{t('overridesFrom', { packs: c.over.join(', ') })}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <button
            type="button"
            class="button button-primary"
            data-testid="pack-save"
            disabled={saving}
            onClick={() => void save()}
          >
            {t('savePack')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Problems or notices of a pack, each with its file:line:column and field path, phrased in the page's language. */
function ProblemList(props: { problems: readonly PackProblem[]; locale: ProblemLocale }) {
  return (
    <ul class="problems">
      {props.problems.map((p, i) => (
        <li key={i}>
          <code class="problem-place">
            {p.file}
            {p.line !== undefined ? `:${p.line}` : ''}
            {p.line !== undefined && p.column !== undefined ? `:${p.column}` : ''}
          </code>{' '}
          {p.path && <code class="problem-path">{p.path}</code>} <span>{problemMessage(p, props.locale)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A change as a person reads it: the title or the reply's text, its id beside it. */
function ChangeName({ change }: { change: { id: string; label?: string } }) {
  if (change.label === undefined) return <code>{change.id}</code>;
  return (
    <>
      <span class="change-label">{change.label}</span> <code class="muted">{change.id}</code>
    </>
  );
}

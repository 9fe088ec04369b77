// The phrase search field: results as you type; arrows move into the results, Enter inserts the first, Esc clears.
import type { Ref } from 'preact';
import { useI18n } from '../common/i18n.tsx';

export interface SearchBoxProps {
  query: string;
  inputRef: Ref<HTMLInputElement>;
  onQueryChange: (query: string) => void;
  onMoveIntoResults: (direction: 1 | -1) => void;
  onSubmit: () => void;
}

export function SearchBox(props: SearchBoxProps) {
  const { t } = useI18n();
  return (
    <div class="search" role="search">
      <label class="visually-hidden" for="phrase-search">
        {t('searchLabel')}
      </label>
      <input
        id="phrase-search"
        ref={props.inputRef}
        type="search"
        class="search-input"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('searchPlaceholder')}
        aria-describedby="search-hint"
        value={props.query}
        onInput={(event) => props.onQueryChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.isComposing) return; // The IME is still choosing characters.
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            props.onMoveIntoResults(event.key === 'ArrowDown' ? 1 : -1);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            props.onSubmit();
          } else if (event.key === 'Escape' && props.query !== '') {
            event.preventDefault();
            event.stopPropagation();
            props.onQueryChange('');
          }
        }}
      />
      <p id="search-hint" class="hint">
        {t('searchHint')}
      </p>
    </div>
  );
}

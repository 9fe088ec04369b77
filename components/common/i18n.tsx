// The translator as a Preact context, so every component reads UI strings from locales/ without prop drilling.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { createTranslator, type Translate, type UiLocale } from '../../utils/i18n.ts';

interface I18nValue {
  locale: UiLocale;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({ locale: 'en', t: createTranslator('en') });

export function I18nProvider(props: { locale: UiLocale; children: ComponentChildren }) {
  return (
    <I18nContext.Provider value={{ locale: props.locale, t: createTranslator(props.locale) }}>
      {props.children}
    </I18nContext.Provider>
  );
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

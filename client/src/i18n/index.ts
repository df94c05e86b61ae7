import i18next, { type i18n as I18n } from 'i18next'
import en from './locales/en'
import ja from './locales/ja'
import { DEFAULT_LANGUAGE, type Language } from './language'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}

export const resources = {
  en: { translation: en },
  ja: { translation: ja },
} as const

const instances = new Map<Language, I18n>()

/**
 * One i18next instance per language, initialised synchronously from the
 * bundled resources. The router picks the instance from the URL prefix and
 * provides it with `<I18nextProvider>`, so switching language is just a
 * navigation: no global mutable language and no flash of the wrong one.
 */
export function getI18n(lang: Language): I18n {
  let instance = instances.get(lang)
  if (!instance) {
    instance = i18next.createInstance()
    void instance.init({
      lng: lang,
      fallbackLng: DEFAULT_LANGUAGE,
      resources,
      defaultNS: 'translation',
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes already
      react: { useSuspense: false },
    })
    instances.set(lang, instance)
  }
  return instance
}

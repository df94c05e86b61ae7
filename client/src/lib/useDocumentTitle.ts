import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Sets `document.title` to "<title> · AskVideo" (or exactly `title` with `{ exact: true }`). */
export function useDocumentTitle(title: string, options: { exact?: boolean } = {}): void {
  const { t } = useTranslation()
  const full = options.exact ? title : `${title} · ${t('common.titleSuffix')}`
  useEffect(() => {
    document.title = full
  }, [full])
}

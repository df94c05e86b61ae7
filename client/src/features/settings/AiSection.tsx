import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { ModelCard } from './ModelCard'
import { OpenAiKeyCard } from './OpenAiKeyCard'

/** `/settings/ai`: your OpenAI key, chat model and temperature. */
export function AiSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('settings.ai.documentTitle'))
  return (
    <>
      <OpenAiKeyCard />
      <ModelCard />
    </>
  )
}

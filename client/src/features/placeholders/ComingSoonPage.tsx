import { useTranslation } from 'react-i18next'
import { ButtonLink } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { GroupsIcon } from './icons'

/**
 * Placeholder for the Groups page, which is being built: the
 * navigation already leads here.
 */
export function ComingSoonPage({ section }: { section: 'groups' }) {
  const { t } = useTranslation()
  const title = t(`comingSoon.${section}.title`)
  useDocumentTitle(title)
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <EmptyState
        className="mt-8"
        icon={<GroupsIcon />}
        title={t('comingSoon.heading')}
        description={t(`comingSoon.${section}.body`)}
        action={
          <ButtonLink to="/" variant="secondary">
            {t('comingSoon.back')}
          </ButtonLink>
        }
      />
    </div>
  )
}

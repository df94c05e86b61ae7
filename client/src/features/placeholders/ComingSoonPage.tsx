import { useTranslation } from 'react-i18next'
import { ButtonLink } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { GroupsIcon, VideoIcon } from './icons'

/**
 * Placeholder for the Videos and Groups pages, which are being built: the
 * navigation already leads here.
 */
export function ComingSoonPage({ section }: { section: 'videos' | 'groups' }) {
  const { t } = useTranslation()
  const title = t(`comingSoon.${section}.title`)
  useDocumentTitle(title)
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <EmptyState
        className="mt-8"
        icon={section === 'videos' ? <VideoIcon /> : <GroupsIcon />}
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

import { useSession } from '../../api/session'
import { PageSpinner } from '../../components/PageSpinner'
import { LandingPage } from '../landing/LandingPage'
import { HomePage } from './HomePage'

/**
 * `/` (and `/ja/`): the dashboard for signed-in users, the onboarding landing
 * page for visitors (and, so the page is never empty, when the session cannot
 * be checked).
 */
export function IndexPage() {
  const { user, isError } = useSession()
  if (user) return <HomePage user={user} />
  if (user === null || isError) return <LandingPage />
  return <PageSpinner />
}

import { LandingPage } from '../landing/LandingPage'

/**
 * `/` (and `/ja/`): the onboarding landing page for visitors. When
 * authentication lands, signed-in users get `HomePage` here instead.
 */
export function IndexPage() {
  return <LandingPage />
}

/** The settings pages, loaded on demand (one chunk) by the router. */
export { AccountSection } from './AccountSection'
export { AiSection } from './AiSection'
export { PasswordSection } from './PasswordSection'
export { ProfileSection } from './ProfileSection'
export { SettingsLayout } from './SettingsLayout'
export { TokensSection } from './TokensSection'

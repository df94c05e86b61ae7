import { Outlet, type RouteObject } from 'react-router'
import { ToastProvider } from '../components/Toast'
import { AdminLayout } from '../features/admin/AdminLayout'
import { JobsPage } from '../features/admin/JobsPage'
import { UsersPage } from '../features/admin/UsersPage'
import { CheckEmailPage } from '../features/auth/CheckEmailPage'
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage'
import { LoginPage } from '../features/auth/LoginPage'
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage'
import { SignupPage } from '../features/auth/SignupPage'
import { VerifyEmailPage } from '../features/auth/VerifyEmailPage'
import { NotFoundPage } from '../features/errors/NotFoundPage'
import { IndexPage } from '../features/home/IndexPage'
import { ComingSoonPage } from '../features/placeholders/ComingSoonPage'
import { AccountSection } from '../features/settings/AccountSection'
import { AiSection } from '../features/settings/AiSection'
import { PasswordSection } from '../features/settings/PasswordSection'
import { ProfileSection } from '../features/settings/ProfileSection'
import { SettingsLayout } from '../features/settings/SettingsLayout'
import { TokensSection } from '../features/settings/TokensSection'
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from '../i18n/language'
import { GuestOnly, RequireAdmin, RequireAuth } from './guards'
import { LanguageLayout } from './LanguageLayout'
import { RouteError } from './RouteError'

/** The app's pages, as relative paths; each language tree gets its own copy. */
function pages(): RouteObject[] {
  return [
    { index: true, element: <IndexPage /> },
    {
      element: <GuestOnly />,
      children: [
        { path: 'login', element: <LoginPage /> },
        { path: 'signup', element: <SignupPage /> },
      ],
    },
    { path: 'check-email', element: <CheckEmailPage /> },
    { path: 'verify-email', element: <VerifyEmailPage /> },
    { path: 'forgot-password', element: <ForgotPasswordPage /> },
    { path: 'reset-password', element: <ResetPasswordPage /> },
    {
      element: <RequireAuth />,
      children: [
        { path: 'videos', element: <ComingSoonPage section="videos" /> },
        { path: 'groups', element: <ComingSoonPage section="groups" /> },
        {
          path: 'settings',
          element: <SettingsLayout />,
          children: [
            { index: true, element: <ProfileSection /> },
            { path: 'password', element: <PasswordSection /> },
            { path: 'ai', element: <AiSection /> },
            { path: 'tokens', element: <TokensSection /> },
            { path: 'account', element: <AccountSection /> },
          ],
        },
        {
          element: <RequireAdmin />,
          children: [
            {
              path: 'admin',
              element: <AdminLayout />,
              children: [
                { index: true, element: <UsersPage /> },
                { path: 'jobs', element: <JobsPage /> },
              ],
            },
          ],
        },
      ],
    },
    { path: '*', element: <NotFoundPage /> },
  ]
}

function languageTree(lang: Language): RouteObject {
  return {
    id: `lang-${lang}`,
    path: lang === DEFAULT_LANGUAGE ? '/' : `/${lang}`,
    element: <LanguageLayout lang={lang} />,
    errorElement: <RouteError />,
    children: pages(),
  }
}

/** State shared by both language trees (toasts survive a change of language). */
function RootLayout() {
  return (
    <ToastProvider>
      <Outlet />
    </ToastProvider>
  )
}

/**
 * `/login` is English and `/ja/login` Japanese. The prefixed trees come
 * first; react-router ranks static segments above splats anyway, so `/ja/x`
 * never falls into the English 404.
 */
export function createRoutes(): RouteObject[] {
  const prefixed = LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE)
  return [
    {
      id: 'root',
      element: <RootLayout />,
      children: [...prefixed.map(languageTree), languageTree(DEFAULT_LANGUAGE)],
    },
  ]
}

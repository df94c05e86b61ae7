import { Outlet, type RouteObject } from 'react-router'
import { ToastProvider } from '../components/Toast'
import { UploadQueueProvider } from '../features/videos/upload/UploadQueue'
import { SharedLayout } from '../features/groups/SharedLayout'
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from '../i18n/language'
import { GuestOnly, RequireAdmin, RequireAuth } from './guards'
import { LanguageLayout } from './LanguageLayout'
import { RouteError } from './RouteError'

/**
 * Every page is split into a chunk of its own (or of its feature), fetched on first visit, so the first page loads
 * the shell and that page only. The heavy libraries (charts, Markdown, drag and drop) sit in chunks of their own
 * (vite.config.ts), loaded by the pages that use them.
 */
const auth = () => import('../features/auth')
const settings = () => import('../features/settings')
const admin = () => import('../features/admin')
const videos = () => import('../features/videos')
const groups = () => import('../features/groups')

/** The app's pages, as relative paths; each language tree gets its own copy. */
function pages(): RouteObject[] {
  return [
    { index: true, lazy: async () => ({ Component: (await import('../features/home/IndexPage')).IndexPage }) },
    {
      element: <GuestOnly />,
      children: [
        { path: 'login', lazy: async () => ({ Component: (await auth()).LoginPage }) },
        { path: 'signup', lazy: async () => ({ Component: (await auth()).SignupPage }) },
      ],
    },
    { path: 'check-email', lazy: async () => ({ Component: (await auth()).CheckEmailPage }) },
    { path: 'verify-email', lazy: async () => ({ Component: (await auth()).VerifyEmailPage }) },
    { path: 'forgot-password', lazy: async () => ({ Component: (await auth()).ForgotPasswordPage }) },
    { path: 'reset-password', lazy: async () => ({ Component: (await auth()).ResetPasswordPage }) },
    {
      element: <RequireAuth />,
      children: [
        { path: 'videos', lazy: async () => ({ Component: (await videos()).VideosPage }) },
        { path: 'videos/:id', lazy: async () => ({ Component: (await videos()).VideoDetailPage }) },
        { path: 'groups', lazy: async () => ({ Component: (await groups()).GroupsPage }) },
        { path: 'groups/:id', lazy: async () => ({ Component: (await groups()).GroupDetailPage }) },
        { path: 'search', lazy: async () => ({ Component: (await import('../features/search/SearchPage')).SearchPage }) },
        {
          path: 'settings',
          lazy: async () => ({ Component: (await settings()).SettingsLayout }),
          children: [
            { index: true, lazy: async () => ({ Component: (await settings()).ProfileSection }) },
            { path: 'password', lazy: async () => ({ Component: (await settings()).PasswordSection }) },
            { path: 'ai', lazy: async () => ({ Component: (await settings()).AiSection }) },
            { path: 'tokens', lazy: async () => ({ Component: (await settings()).TokensSection }) },
            { path: 'account', lazy: async () => ({ Component: (await settings()).AccountSection }) },
          ],
        },
        {
          element: <RequireAdmin />,
          children: [
            {
              path: 'admin',
              lazy: async () => ({ Component: (await admin()).AdminLayout }),
              children: [
                { index: true, lazy: async () => ({ Component: (await admin()).UsersPage }) },
                { path: 'jobs', lazy: async () => ({ Component: (await admin()).JobsPage }) },
              ],
            },
          ],
        },
      ],
    },
    { path: '*', lazy: async () => ({ Component: (await import('../features/errors/NotFoundPage')).NotFoundPage }) },
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

/**
 * The shared view of a group (`/share/:token`, `/ja/share/:token`): outside the app shell, so a guest's visit
 * makes no session request at all.
 */
function sharedTree(lang: Language): RouteObject {
  return {
    id: `shared-${lang}`,
    path: lang === DEFAULT_LANGUAGE ? '/share/:token' : `/${lang}/share/:token`,
    element: <SharedLayout lang={lang} />,
    errorElement: <RouteError />,
    children: [{ index: true, lazy: async () => ({ Component: (await groups()).SharedGroupPage }) }],
  }
}

/** State shared by both language trees (toasts and uploads survive a change of page or language). */
function RootLayout() {
  return (
    <ToastProvider>
      <UploadQueueProvider>
        <Outlet />
      </UploadQueueProvider>
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
      // Shown only while the first page's chunk is fetched on the first page load.
      hydrateFallbackElement: <div className="min-h-screen bg-slate-50" />,
      children: [...LANGUAGES.map(sharedTree), ...prefixed.map(languageTree), languageTree(DEFAULT_LANGUAGE)],
    },
  ]
}

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { createQueryClient } from './app/queryClient'
import { initialLanguageRedirect, languageFromPath, readStoredLanguage } from './i18n/language'
import './index.css'

// A visitor who picked Japanese before and opens an unprefixed URL lands on
// the `/ja/` twin. Done before the router starts so it never renders twice.
const { pathname, search, hash } = window.location
const redirect = initialLanguageRedirect(pathname, readStoredLanguage())
if (redirect) window.history.replaceState(null, '', redirect + search + hash)
document.documentElement.lang = languageFromPath(window.location.pathname)

const root = document.getElementById('root')
if (!root) throw new Error('Missing #root element')

createRoot(root).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
)

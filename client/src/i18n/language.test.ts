import { describe, expect, it } from 'vitest'
import {
  initialLanguageRedirect,
  LANGUAGE_STORAGE_KEY,
  languageFromPath,
  localizePath,
  readStoredLanguage,
  storeLanguage,
  stripLanguagePrefix,
  switchLanguagePath,
} from './language'

describe('language from the URL', () => {
  it.each([
    ['/', 'en'],
    ['/videos', 'en'],
    ['/ja', 'ja'],
    ['/ja/', 'ja'],
    ['/ja/videos', 'ja'],
    ['/ja/videos/42', 'ja'],
    ['/japan', 'en'],
    ['/videos/ja', 'en'],
  ] as const)('%s → %s', (path, lang) => {
    expect(languageFromPath(path)).toBe(lang)
  })

  it.each([
    ['/ja/videos', '/videos'],
    ['/ja/videos/42', '/videos/42'],
    ['/ja', '/'],
    ['/ja/', '/'],
    ['/videos', '/videos'],
    ['/japan', '/japan'],
    ['', '/'],
  ])('strips %s → %s', (path, stripped) => {
    expect(stripLanguagePrefix(path)).toBe(stripped)
  })

  it('localizes unprefixed paths', () => {
    expect(localizePath('/videos', 'ja')).toBe('/ja/videos')
    expect(localizePath('/', 'ja')).toBe('/ja/')
    expect(localizePath('/videos?q=cat#top', 'ja')).toBe('/ja/videos?q=cat#top')
    expect(localizePath('/videos', 'en')).toBe('/videos')
    expect(localizePath('login', 'en')).toBe('/login')
  })
})

describe('switchLanguagePath', () => {
  it('maps /ja/videos ↔ /videos', () => {
    expect(switchLanguagePath('/videos', 'ja')).toBe('/ja/videos')
    expect(switchLanguagePath('/ja/videos', 'en')).toBe('/videos')
  })

  it('maps the roots', () => {
    expect(switchLanguagePath('/', 'ja')).toBe('/ja/')
    expect(switchLanguagePath('/ja/', 'en')).toBe('/')
    expect(switchLanguagePath('/ja', 'en')).toBe('/')
  })

  it('is a no-op for the current language', () => {
    expect(switchLanguagePath('/ja/videos', 'ja')).toBe('/ja/videos')
    expect(switchLanguagePath('/videos', 'en')).toBe('/videos')
  })

  it('round-trips', () => {
    for (const path of ['/', '/videos', '/groups/7/chat', '/share/abc']) {
      expect(switchLanguagePath(switchLanguagePath(path, 'ja'), 'en')).toBe(path)
    }
  })
})

describe('remembered language', () => {
  it('round-trips through localStorage and ignores junk', () => {
    expect(readStoredLanguage()).toBeUndefined()
    storeLanguage('ja')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ja')
    expect(readStoredLanguage()).toBe('ja')
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'klingon')
    expect(readStoredLanguage()).toBeUndefined()
  })

  it('sends a Japanese visitor from an unprefixed URL to its /ja/ twin, but never overrides the URL', () => {
    expect(initialLanguageRedirect('/videos', 'ja')).toBe('/ja/videos')
    expect(initialLanguageRedirect('/', 'ja')).toBe('/ja/')
    expect(initialLanguageRedirect('/ja/videos', 'ja')).toBeUndefined()
    expect(initialLanguageRedirect('/ja/videos', 'en')).toBeUndefined()
    expect(initialLanguageRedirect('/videos', 'en')).toBeUndefined()
    expect(initialLanguageRedirect('/videos', undefined)).toBeUndefined()
  })
})

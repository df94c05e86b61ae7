import { describe, expect, it } from 'vitest'
import en from '../i18n/locales/en'
import ja from '../i18n/locales/ja'
// The document gen-api.sh writes from the server, read as text (not typed from a hand-kept list).
import openapiText from '../../openapi.json?raw'

/**
 * The server's catalogs of error codes, read from the OpenAPI document the
 * client is generated from (not from a hand-kept list): every code must have
 * an English and a Japanese translation.
 */
interface OpenApiDocument {
  components: { schemas: Record<string, { enum?: string[] }> }
}

const document = JSON.parse(openapiText) as OpenApiDocument

function enumOf(schema: string): string[] {
  const values = document.components.schemas[schema]?.enum ?? []
  return values
}

const locales = { en, ja }

describe('error code catalog', () => {
  const errorCodes = enumOf('ErrorCode')
  const fieldCodes = enumOf('FieldErrorCode')

  it('is published in openapi.json', () => {
    expect(errorCodes.length).toBeGreaterThan(50)
    expect(errorCodes).toContain('video_limit_reached')
    expect(errorCodes).toContain('no_transcript_source')
    expect(fieldCodes).toContain('too_long')
    expect(fieldCodes).toContain('password_too_common')
  })

  for (const [lang, locale] of Object.entries(locales)) {
    it(`has a ${lang} translation for every ErrorCode`, () => {
      const translations: Record<string, string | undefined> = locale.errors.codes
      const missing = errorCodes.filter((code) => !translations[code]?.trim())
      expect(missing).toEqual([])
    })

    it(`has a ${lang} translation for every FieldErrorCode`, () => {
      const translations: Record<string, string | undefined> = locale.errors.fields
      const missing = fieldCodes.filter((code) => !translations[code]?.trim())
      expect(missing).toEqual([])
    })

    it(`translates no code that the server does not send (${lang})`, () => {
      expect(Object.keys(locale.errors.codes).filter((code) => !errorCodes.includes(code))).toEqual([])
      expect(Object.keys(locale.errors.fields).filter((code) => !fieldCodes.includes(code))).toEqual([])
    })
  }
})

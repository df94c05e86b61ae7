import { describe, expect, it } from 'vitest'
import { formatDuration, isSubtitleFile, looksLikeMedia, titleFromFileName } from './format'
import { DEFAULT_LIST_PARAMS, hasFilters, parseListParams, toSearchParams } from './listParams'

describe('video formatting helpers', () => {
  it('formats durations like a player', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(9.6)).toBe('0:10')
    expect(formatDuration(75.4)).toBe('1:15')
    expect(formatDuration(3723)).toBe('1:02:03')
  })

  it('derives a title from the file name', () => {
    expect(titleFromFileName('Team call.final.mp4')).toBe('Team call.final')
    expect(titleFromFileName('.hidden')).toBe('.hidden')
    expect(titleFromFileName('noext')).toBe('noext')
  })

  it('recognises media and subtitle files', () => {
    expect(looksLikeMedia({ name: 'a.bin', type: 'video/mp4' })).toBe(true)
    expect(looksLikeMedia({ name: 'talk.MKV', type: '' })).toBe(true)
    expect(looksLikeMedia({ name: 'notes.pdf', type: 'application/pdf' })).toBe(false)
    expect(isSubtitleFile({ name: 'a.SRT' })).toBe(true)
    expect(isSubtitleFile({ name: 'a.txt' })).toBe(false)
  })
})

describe('list parameters in the URL', () => {
  it('round-trips and drops defaults', () => {
    const params = parseListParams(new URLSearchParams('q=demo&status=ready&tag=work&sort=title_asc&page=2'))
    expect(params).toEqual({ q: 'demo', status: 'ready', tag: 'work', sort: 'title_asc', page: 2 })
    expect(toSearchParams(params).toString()).toBe('q=demo&status=ready&tag=work&sort=title_asc&page=2')
    expect(toSearchParams(DEFAULT_LIST_PARAMS).toString()).toBe('')
    expect(hasFilters(params)).toBe(true)
  })

  it('ignores values the API would reject', () => {
    expect(parseListParams(new URLSearchParams('status=bogus&sort=size&page=-3'))).toEqual(DEFAULT_LIST_PARAMS)
  })
})

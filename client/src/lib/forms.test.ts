import { act, renderHook } from '@testing-library/react'
import { useForm } from 'react-hook-form'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/errors'
import { applyServerErrors, errorMessages } from './forms'

function validation(errors: Record<string, string[]>) {
  return new ApiError({ title: 'Validation failed', status: 400, code: 'validation_failed', errors })
}

function renderForm() {
  return renderHook(() => {
    const form = useForm({ defaultValues: { title: '', tags: [] as string[], amount: '' } })
    void form.formState.errors // subscribes to the errors, as a form that shows them does
    return form
  }).result
}

describe('applyServerErrors', () => {
  it('puts every message on its field (tags[0] on tags, renamed fields too) and leaves nothing for an alert', () => {
    const form = renderForm()
    let leftover = true
    act(() => {
      leftover = applyServerErrors(form.current, validation({ title: ['Too long.', 'Not allowed.'], 'tags[0]': ['Bad tag.'], maxUploadBytes: ['Too big.'] }), {
        maxUploadBytes: 'amount',
      })
    })
    expect(leftover).toBe(false)
    const { errors } = form.current.formState
    expect(errorMessages(errors.title)).toEqual(['Too long.', 'Not allowed.'])
    expect(errorMessages(errors.tags as Parameters<typeof errorMessages>[0])).toEqual(['Bad tag.'])
    expect(errorMessages(errors.amount)).toEqual(['Too big.'])
    expect(errors.root).toBeUndefined()
  })

  it('sets root.server and returns true for a field the form does not have, or a problem without fields', () => {
    const form = renderForm()
    let leftover = false
    act(() => {
      leftover = applyServerErrors(form.current, validation({ title: ['Too long.'], preferredLanguage: ['Unknown.'] }))
    })
    expect(leftover).toBe(true)
    expect(errorMessages(form.current.formState.errors.title)).toEqual(['Too long.'])
    expect(form.current.formState.errors.root?.server?.type).toBe('validation_failed')

    const other = renderForm()
    act(() => {
      leftover = applyServerErrors(other.current, new ApiError({ title: 'Conflict', status: 409, code: 'too_many_groups' }))
    })
    expect(leftover).toBe(true)
    expect(other.current.formState.errors.root?.server?.type).toBe('too_many_groups')

    act(() => {
      leftover = applyServerErrors(other.current, new TypeError('offline'))
    })
    expect(leftover).toBe(true)
  })
})

describe('errorMessages', () => {
  it('lists every failed rule once, or the single message', () => {
    expect(errorMessages(undefined)).toEqual([])
    expect(errorMessages({ type: 'custom', message: 'One.' })).toEqual(['One.'])
    expect(errorMessages({ type: 'custom', message: 'A.', types: { custom: ['A.', 'B.'], too_small: 'C.', other: 'A.' } })).toEqual([
      'A.',
      'B.',
      'C.',
    ])
  })
})

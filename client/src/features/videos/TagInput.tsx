import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldErrorText, FieldHint, FieldLabel, describedBy, type FieldErrors } from '../../components/Field'
import { cx } from '../../lib/cx'

export const MAX_TAGS = 20
export const MAX_TAG_LENGTH = 50

export interface TagOption {
  name: string
  color?: string
}

export interface TagInputProps {
  label: ReactNode
  value: readonly string[]
  onChange: (tags: string[]) => void
  /** Existing tags offered while typing. */
  suggestions?: readonly TagOption[]
  hint?: ReactNode
  errors?: FieldErrors
  optional?: ReactNode
  disabled?: boolean
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

/** A colored dot for a tag (decorative; the name says it all). */
export function TagDot({ color }: { color?: string }) {
  return <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ backgroundColor: color ?? '#64748b' }} />
}

/**
 * Tags as removable chips plus a text box: Enter or a comma adds what was typed, Backspace in the empty box
 * removes the last chip, and existing tags are suggested in a listbox (a WAI-ARIA combobox: arrows move
 * through the suggestions, Enter picks one, Escape closes the list).
 */
export function TagInput({ label, value, onChange, suggestions = [], hint, errors, optional, disabled }: TagInputProps) {
  const { t } = useTranslation()
  const id = useId()
  const ids = { controlId: `${id}-input`, hintId: `${id}-hint`, errorId: `${id}-error` }
  const listId = `${id}-list`
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [notice, setNotice] = useState('')
  const full = value.length >= MAX_TAGS

  const matches = useMemo(() => {
    const query = text.trim().toLocaleLowerCase()
    return suggestions
      .filter((s) => !value.some((v) => same(v, s.name)))
      .filter((s) => !query || s.name.toLocaleLowerCase().includes(query))
      .slice(0, 8)
  }, [suggestions, text, value])

  const colorOf = (name: string) => suggestions.find((s) => same(s.name, name))?.color
  const showList = open && !disabled && !full && matches.length > 0

  function add(raw: string) {
    const name = raw.trim().replace(/,+$/, '').trim()
    setText('')
    setActive(-1)
    if (!name) return
    if (name.length > MAX_TAG_LENGTH) {
      setNotice(t('videos.tags.tooLong', { max: MAX_TAG_LENGTH }))
      setText(name)
      return
    }
    if (value.some((v) => same(v, name))) return
    if (full) {
      setNotice(t('videos.tags.tooMany', { max: MAX_TAGS }))
      return
    }
    // Reuse the existing tag's spelling when the name matches one.
    const existing = suggestions.find((s) => same(s.name, name))
    setNotice('')
    onChange([...value, existing?.name ?? name])
  }

  function remove(name: string) {
    setNotice('')
    onChange(value.filter((v) => v !== name))
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && matches.length > 0) {
      event.preventDefault()
      setOpen(true)
      setActive((i) => (i + 1) % matches.length)
    } else if (event.key === 'ArrowUp' && matches.length > 0) {
      event.preventDefault()
      setOpen(true)
      setActive((i) => (i <= 0 ? matches.length - 1 : i - 1))
    } else if (event.key === 'Enter' || event.key === ',') {
      if (event.key === 'Enter' && !text.trim() && !(showList && active >= 0)) return // let Enter submit the form
      event.preventDefault()
      const picked = showList && active >= 0 ? matches[active] : undefined
      add(picked ? picked.name : text)
    } else if (event.key === 'Escape' && showList) {
      // Close the list without closing the dialog around the field.
      event.preventDefault()
      event.stopPropagation()
      setOpen(false)
      setActive(-1)
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      remove(value[value.length - 1]!)
    }
  }

  const errorList = [notice, ...(typeof errors === 'string' ? [errors] : (errors ?? []))].filter(Boolean)

  return (
    <div>
      <FieldLabel htmlFor={ids.controlId} optional={optional}>
        {label}
      </FieldLabel>
      <div className="relative">
        <div
          className={cx(
            'flex min-h-10 flex-wrap items-center gap-1.5 rounded-lg bg-white px-2 py-1.5 shadow-sm ring-1 ring-inset focus-within:ring-2 focus-within:ring-indigo-600',
            errorList.length ? 'ring-red-500' : 'ring-slate-300',
            disabled && 'bg-slate-50',
          )}
        >
          {/* `display: contents` drops the implicit list role in some browsers, so it is restated. */}
          {/* eslint-disable-next-line jsx-a11y/no-redundant-roles */}
          <ul role="list" className="contents" aria-label={t('videos.tags.selected')}>
            {value.map((name) => (
              <li key={name} className="flex max-w-full items-center gap-1.5 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-sm text-slate-800">
                <TagDot color={colorOf(name)} />
                <span className="truncate">{name}</span>
                <button
                  type="button"
                  onClick={() => remove(name)}
                  disabled={disabled}
                  aria-label={t('videos.tags.remove', { name })}
                  className="flex size-6 items-center justify-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <svg className="size-3.5" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
                    <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                  </svg>
                </button>
              </li>
            ))}
          </ul>
          <input
            id={ids.controlId}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
            autoComplete="off"
            enterKeyHint="done"
            maxLength={MAX_TAG_LENGTH + 1}
            value={text}
            disabled={disabled}
            placeholder={value.length === 0 ? t('videos.tags.placeholder') : undefined}
            onChange={(e) => {
              const next = e.target.value
              if (next.endsWith(',')) {
                add(next)
                return
              }
              setText(next)
              setOpen(true)
              setActive(-1)
              setNotice('')
            }}
            onKeyDown={onKeyDown}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false)
              if (text.trim()) add(text)
            }}
            className="min-w-32 flex-1 border-0 bg-transparent px-1 py-1 text-base text-slate-900 placeholder:text-slate-400 focus:outline-none sm:text-sm"
            {...describedBy(ids, Boolean(hint), errorList.length > 0)}
          />
        </div>
        <ul
          id={listId}
          role="listbox"
          aria-label={t('videos.tags.suggestions')}
          hidden={!showList}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-56 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
        >
          {matches.map((option, index) => (
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- to go with the move to Downshift (issue 11); the input handles keys
            <li
              key={option.name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Keep focus in the input (a mousedown would blur it first).
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(option.name)}
              className={cx(
                'flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-2 text-sm text-slate-800',
                index === active ? 'bg-indigo-50 text-indigo-800' : 'hover:bg-slate-50',
              )}
            >
              <TagDot color={option.color} />
              {option.name}
            </li>
          ))}
        </ul>
      </div>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldErrorText id={ids.errorId} errors={errorList} />
    </div>
  )
}

import { useCombobox, useMultipleSelection } from 'downshift'
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

/** An entry of the suggestion list: an existing tag, or the offer to create the typed one. */
interface Option extends TagOption {
  create?: boolean
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
const clean = (raw: string) => raw.trim().replace(/,+$/, '').trim()

/** A colored dot for a tag (decorative; the name says it all). */
export function TagDot({ color }: { color?: string }) {
  return <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ backgroundColor: color ?? '#64748b' }} />
}

/**
 * Tags as removable chips plus a combobox (Downshift `useCombobox` + `useMultipleSelection`): Enter or a comma adds
 * what was typed, the arrows move through the existing tags that match (and the offer to create a new one), Enter or
 * a click picks one, Escape closes the list. Backspace in the empty box removes the last chip; ArrowLeft moves to the
 * chips, where Backspace or Delete removes one. Leaving the box adds nothing: what was typed stays there.
 */
export function TagInput({ label, value, onChange, suggestions = [], hint, errors, optional, disabled }: TagInputProps) {
  const { t } = useTranslation()
  const id = useId()
  const ids = { controlId: `${id}-input`, hintId: `${id}-hint`, errorId: `${id}-error` }
  const [text, setText] = useState('')
  const [notice, setNotice] = useState('')
  const full = value.length >= MAX_TAGS

  const options = useMemo<Option[]>(() => {
    const query = clean(text).toLocaleLowerCase()
    const matches: Option[] = suggestions
      .filter((s) => !value.some((v) => same(v, s.name)))
      .filter((s) => !query || s.name.toLocaleLowerCase().includes(query))
      .slice(0, 8)
    const isNew = query !== '' && !suggestions.some((s) => same(s.name, query)) && !value.some((v) => same(v, query))
    return isNew ? [...matches, { name: clean(text), create: true }] : matches
  }, [suggestions, text, value])

  const colorOf = (name: string) => suggestions.find((s) => same(s.name, name))?.color

  function add(raw: string) {
    const name = clean(raw)
    if (!name) {
      setText('')
      return
    }
    if (name.length > MAX_TAG_LENGTH) {
      setNotice(t('videos.tags.tooLong', { max: MAX_TAG_LENGTH }))
      setText(name)
      return
    }
    setText('')
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

  const { getSelectedItemProps, getDropdownProps, setActiveIndex } = useMultipleSelection<string>({
    selectedItems: value as string[],
    onSelectedItemsChange: ({ selectedItems }) => {
      setNotice('')
      onChange(selectedItems)
    },
  })

  const { isOpen, highlightedIndex, getMenuProps, getInputProps, getItemProps } = useCombobox<Option>({
    items: disabled || full ? [] : options,
    inputId: ids.controlId,
    inputValue: text,
    selectedItem: null,
    itemToString: (item) => item?.name ?? '',
    stateReducer: (state, { type, changes }) => {
      switch (type) {
        // Leaving the box adds nothing (not even the highlighted suggestion) and keeps what was typed.
        case useCombobox.stateChangeTypes.InputBlur:
          return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue }
        // After a pick the list stays open for the next tag.
        case useCombobox.stateChangeTypes.InputKeyDownEnter:
        case useCombobox.stateChangeTypes.ItemClick:
          return { ...changes, isOpen: true, highlightedIndex: -1, inputValue: '' }
        default:
          return changes
      }
    },
    onStateChange: ({ type, selectedItem }) => {
      if (!selectedItem) return
      if (type === useCombobox.stateChangeTypes.InputKeyDownEnter || type === useCombobox.stateChangeTypes.ItemClick) add(selectedItem.name)
    },
    onInputValueChange: ({ type, inputValue = '' }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) return
      if (inputValue.endsWith(',')) {
        add(inputValue)
        return
      }
      setText(inputValue)
      setNotice('')
    },
  })

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter with no suggestion highlighted adds what was typed; with nothing typed it submits the form as usual.
    if (event.key === 'Enter' && highlightedIndex < 0 && clean(text)) {
      event.preventDefault()
      add(text)
    } else if (event.key === ',') {
      event.preventDefault()
      add(text)
    }
  }

  const errorList = [notice, ...(typeof errors === 'string' ? [errors] : (errors ?? []))].filter(Boolean)
  const showList = isOpen && options.length > 0 && !disabled && !full

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
          {/* eslint-disable-next-line jsx-a11y/no-redundant-roles -- see the line above */}
          <ul role="list" className="contents" aria-label={t('videos.tags.selected')}>
            {value.map((name, index) => (
              <li key={name} className="flex max-w-full items-center gap-1.5 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-sm text-slate-800">
                <TagDot color={colorOf(name)} />
                <span className="truncate">{name}</span>
                <button
                  type="button"
                  {...getSelectedItemProps({
                    selectedItem: name,
                    index,
                    // Not removeSelectedItem: Downshift's own click action in the same event would undo it.
                    onClick: () => remove(name),
                    onFocus: () => setActiveIndex(index),
                  })}
                  // Every remove button stays in the Tab order (Downshift would keep only the active one).
                  tabIndex={0}
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
            {...getInputProps(
              getDropdownProps({
                onKeyDown,
                // Named by its <label>; Downshift would point aria-labelledby at a label id of its own.
                'aria-labelledby': undefined,
                disabled,
                ...describedBy(ids, Boolean(hint), errorList.length > 0),
              }),
            )}
            type="text"
            enterKeyHint="done"
            maxLength={MAX_TAG_LENGTH + 1}
            placeholder={value.length === 0 ? t('videos.tags.placeholder') : undefined}
            className="min-w-32 flex-1 border-0 bg-transparent px-1 py-1 text-base text-slate-900 placeholder:text-slate-400 focus:outline-none sm:text-sm"
          />
        </div>
        <ul
          {...getMenuProps({ 'aria-label': t('videos.tags.suggestions') })}
          hidden={!showList}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-56 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
        >
          {showList &&
            options.map((option, index) => (
              <li
                key={`${option.create ? 'new' : 'tag'}:${option.name}`}
                {...getItemProps({ item: option, index })}
                className={cx(
                  'flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-2 text-sm text-slate-800',
                  index === highlightedIndex && 'bg-indigo-50 text-indigo-800',
                )}
              >
                {option.create ? (
                  <>
                    <svg className="size-3.5 shrink-0 text-indigo-600" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
                      <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
                    </svg>
                    {t('videos.tags.create', { name: option.name })}
                  </>
                ) : (
                  <>
                    <TagDot color={option.color} />
                    {option.name}
                  </>
                )}
              </li>
            ))}
        </ul>
      </div>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldErrorText id={ids.errorId} errors={errorList} />
    </div>
  )
}

import { useRef, type KeyboardEvent } from 'react'
import { cx } from '../../lib/cx'

export interface TabItem<K extends string> {
  key: K
  label: string
}

/**
 * An ARIA tablist (automatic activation): the arrow keys, Home and End move between tabs. Each panel is an element
 * with id `${idPrefix}-panel-${key}` and `aria-labelledby` `${idPrefix}-tab-${key}` (see `tabPanelProps`).
 */
export function Tabs<K extends string>({
  items,
  selected,
  onSelect,
  label,
  idPrefix,
}: {
  items: readonly TabItem<K>[]
  selected: K
  onSelect: (key: K) => void
  label: string
  idPrefix: string
}) {
  const refs = useRef(new Map<K, HTMLButtonElement>())
  const onKeyDown = (event: KeyboardEvent) => {
    const index = items.findIndex((i) => i.key === selected)
    let next = -1
    if (event.key === 'ArrowRight') next = (index + 1) % items.length
    else if (event.key === 'ArrowLeft') next = (index - 1 + items.length) % items.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = items.length - 1
    if (next < 0) return
    event.preventDefault()
    const key = items[next]!.key
    onSelect(key)
    refs.current.get(key)?.focus()
  }
  return (
    <div role="tablist" aria-label={label} className="flex gap-1 rounded-xl bg-slate-100 p-1">
      {items.map((item) => {
        const active = item.key === selected
        return (
          <button
            key={item.key}
            ref={(el) => {
              if (el) refs.current.set(item.key, el)
              else refs.current.delete(item.key)
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${item.key}`}
            aria-selected={active}
            aria-controls={`${idPrefix}-panel-${item.key}`}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(item.key)}
            onKeyDown={onKeyDown}
            className={cx(
              'min-h-10 flex-1 rounded-lg px-3 py-2 text-sm font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
              active ? 'bg-white text-indigo-700 shadow-sm' : 'text-slate-600 hover:text-slate-900',
            )}
          >
            {item.label}
          </button>
        )
      })}
    </div>
  )
}

/** Props for a panel: a tabpanel (hidden unless selected) when `tabbed`, a plain region otherwise. */
export function tabPanelProps<K extends string>(idPrefix: string, key: K, selected: K, tabbed: boolean) {
  if (!tabbed) return {}
  return {
    role: 'tabpanel' as const,
    id: `${idPrefix}-panel-${key}`,
    'aria-labelledby': `${idPrefix}-tab-${key}`,
    hidden: key !== selected,
    tabIndex: 0,
  }
}

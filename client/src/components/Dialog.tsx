import * as RadixDialog from '@radix-ui/react-dialog'
import { useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { cx } from '../lib/cx'

export interface DialogProps {
  open: boolean
  /** Called when the user dismisses the dialog (Escape, the close button, a click outside). The parent owns `open`. */
  onClose: () => void
  title: ReactNode
  description?: ReactNode
  children?: ReactNode
  /** Buttons, right-aligned (stacked on narrow screens). */
  footer?: ReactNode
  size?: 'sm' | 'md' | 'lg'
  /** Prevents dismissal while an action runs. */
  dismissible?: boolean
  'data-testid'?: string
}

const sizes = { sm: 'sm:max-w-sm', md: 'sm:max-w-lg', lg: 'sm:max-w-2xl' } as const

/** The look shared by `Dialog` and `ConfirmDialog`: a dimmed backdrop and a card that scrolls inside the viewport. */
export const dialogClasses = {
  overlay: 'fixed inset-0 z-40 bg-slate-900/50 backdrop-blur-sm',
  content: (size: keyof typeof sizes) =>
    cx(
      // Phones: nearly the whole screen, with the page's safe areas kept clear; larger screens: a centred card.
      'fixed inset-x-2 top-[max(0.5rem,env(safe-area-inset-top))] z-50 mx-auto flex max-h-[calc(100dvh-1rem)] flex-col overflow-hidden rounded-2xl bg-white text-slate-900 shadow-xl',
      'sm:inset-x-4 sm:top-1/2 sm:max-h-[calc(100dvh-2rem)] sm:-translate-y-1/2',
      'focus:outline-none',
      size === 'lg' && 'max-sm:bottom-[max(0.5rem,env(safe-area-inset-bottom))]',
      sizes[size],
    ),
  header: 'flex shrink-0 items-start justify-between gap-4 px-5 pt-5 sm:px-6 sm:pt-6',
  title: 'text-lg font-semibold text-slate-900',
  body: 'min-h-0 flex-1 overflow-y-auto overscroll-contain px-5 pb-5 sm:px-6 sm:pb-6',
  description: 'mt-2 text-sm text-slate-600',
  footer: 'flex shrink-0 flex-col-reverse gap-2 border-t border-slate-100 px-5 py-4 sm:flex-row sm:justify-end sm:px-6',
} as const

const FIRST_FIELD = '[data-autofocus], input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)'

/**
 * An Escape meant for an open list inside the dialog (a combobox's suggestions, a menu) closes that list, not the
 * dialog: such a control says so with `aria-expanded="true"`.
 */
export function escapeBelongsToOpenList(event: KeyboardEvent): boolean {
  return event.target instanceof Element && event.target.getAttribute('aria-expanded') === 'true' && event.target.getAttribute('role') === 'combobox'
}

/**
 * Radix returns focus to its own Trigger; these dialogs are opened by plain buttons (or by code), so remember what had
 * the focus when the dialog opened and give it back when it closes.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null)
  return {
    remember: () => {
      opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    },
    onCloseAutoFocus: (event: Event) => {
      const target = opener.current
      opener.current = null
      if (target?.isConnected) {
        event.preventDefault()
        target.focus()
      }
    },
  }
}

/**
 * A modal dialog (Radix Dialog): focus is trapped inside and the rest of the page is hidden from assistive
 * technology. Focus goes to the element marked `data-autofocus`, else the first form field, else the close button,
 * and returns to the opener when the dialog closes. Its content is mounted only while open, so forms inside start
 * fresh each time. On phones it fills most of the screen and its body scrolls between a fixed title and footer.
 */
export function Dialog({ open, onClose, title, description, children, footer, size = 'md', dismissible = true, ...rest }: DialogProps) {
  const { t } = useTranslation()
  const content = useRef<HTMLDivElement>(null)
  const returnFocus = useReturnFocus()

  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next && dismissible) onClose()
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={dialogClasses.overlay} />
        <RadixDialog.Content
          ref={content}
          data-testid={rest['data-testid']}
          className={dialogClasses.content(size)}
          // Without a description, say so (Radix otherwise warns and points aria-describedby at nothing).
          {...(description ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={(event) => {
            returnFocus.remember()
            const first = content.current?.querySelector<HTMLElement>(FIRST_FIELD)
            if (first) {
              event.preventDefault()
              first.focus()
            }
          }}
          onCloseAutoFocus={returnFocus.onCloseAutoFocus}
          onEscapeKeyDown={(event) => {
            if (!dismissible || escapeBelongsToOpenList(event)) event.preventDefault()
          }}
          onInteractOutside={(event) => {
            if (!dismissible) event.preventDefault()
          }}
        >
          <div className={dialogClasses.header}>
            <RadixDialog.Title className={dialogClasses.title}>{title}</RadixDialog.Title>
            {dismissible && (
              <RadixDialog.Close
                aria-label={t('common.close')}
                className="-m-1 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <svg className="size-5" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </RadixDialog.Close>
            )}
          </div>
          <div className={dialogClasses.body}>
            {description && (
              <RadixDialog.Description asChild>
                <div className={dialogClasses.description}>{description}</div>
              </RadixDialog.Description>
            )}
            {children && <div className="mt-4">{children}</div>}
          </div>
          {footer && <div className={dialogClasses.footer}>{footer}</div>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

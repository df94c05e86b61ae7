import * as RadixToast from '@radix-ui/react-toast'
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { cx } from '../lib/cx'

export type ToastTone = 'success' | 'error' | 'info'

interface ToastItem {
  id: number
  message: string
  tone: ToastTone
}

interface ToastContextValue {
  toasts: readonly ToastItem[]
  show: (message: string, tone?: ToastTone) => void
  dismiss: (id: number) => void
}

const ToastContext = createContext<ToastContextValue | null>(null)

/** How long a toast stays (the time stops while the pointer or the focus is on the toasts, or the window is hidden). */
const DURATION_MS = { success: 6000, info: 6000, error: 10000 } as const

/**
 * Holds short messages ("Saved", "Could not remove the video"). It sits above both language trees so a toast
 * survives navigation, including a change of language; `ToastViewport` (inside the app shell) displays them.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), [])

  const show = useCallback((message: string, tone: ToastTone = 'success') => {
    const id = nextId.current++
    setToasts((list) => [...list.slice(-2), { id, message, tone }])
  }, [])

  const value = useMemo(() => ({ toasts, show, dismiss }), [toasts, show, dismiss])
  return <ToastContext.Provider value={value}>{children}</ToastContext.Provider>
}

/** `const toast = useToast(); toast(t('settings.saved'))`, `toast(message, 'error')` */
export function useToast(): ToastContextValue['show'] {
  const context = useContext(ToastContext)
  if (!context) throw new Error('useToast must be used inside <ToastProvider>')
  return context.show
}

const tones: Record<ToastTone, string> = {
  success: 'border-emerald-200 [&_svg]:text-emerald-600',
  error: 'border-red-200 [&_svg]:text-red-600',
  info: 'border-slate-200 [&_svg]:text-indigo-600',
}

/**
 * Where toasts appear (Radix Toast): a landmark reached with F8, toasts that pause while hovered or focused, close
 * with Escape or a swipe. Errors are announced assertively (`aria-live="assertive"`), the rest politely.
 * Desktop: bottom right. Phones: at the top, small, at most two at once, over the header rather than the content.
 */
export function ToastViewport() {
  const { t } = useTranslation()
  const context = useContext(ToastContext)
  const toasts = context?.toasts ?? []
  return (
    <RadixToast.Provider label={t('toast.announce')} swipeDirection="right">
      {toasts.map((toast) => (
        <RadixToast.Root
          key={toast.id}
          type={toast.tone === 'error' ? 'foreground' : 'background'}
          duration={DURATION_MS[toast.tone]}
          onOpenChange={(open) => {
            if (!open) context?.dismiss(toast.id)
          }}
          data-testid="toast"
          data-tone={toast.tone}
          className={cx(
            'pointer-events-auto flex w-full items-start gap-3 rounded-xl border bg-white p-3 text-sm text-slate-900 shadow-lg sm:max-w-sm sm:p-4',
            'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
            'data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-transform',
            // Phones: only the two newest (the list is newest-first there).
            'max-sm:[&:nth-last-child(n+3)]:hidden',
            tones[toast.tone],
          )}
        >
          <svg className="mt-0.5 size-5 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
            {toast.tone === 'error' ? (
              <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM9.25 6.75a.75.75 0 0 1 1.5 0v4a.75.75 0 0 1-1.5 0v-4ZM10 14.5a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z" />
            ) : (
              <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.8a.75.75 0 0 0-1.22-.87l-3.24 4.53-1.6-1.6a.75.75 0 1 0-1.06 1.06l2.25 2.25a.75.75 0 0 0 1.14-.1l3.73-5.27Z" />
            )}
          </svg>
          <RadixToast.Description className="flex-1">{toast.message}</RadixToast.Description>
          <RadixToast.Close
            aria-label={t('common.dismiss')}
            className="-m-1 rounded-md p-1 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport
        label={t('toast.region')}
        className={cx(
          'fixed z-[60] flex flex-col gap-2 outline-none',
          // Phones: top, full width, the newest first, clear of the notch.
          'inset-x-0 top-0 flex-col-reverse justify-end p-2 pt-[max(0.5rem,env(safe-area-inset-top))]',
          // Larger screens: bottom right.
          'sm:top-auto sm:right-0 sm:bottom-0 sm:left-auto sm:w-96 sm:flex-col sm:p-6',
        )}
      />
    </RadixToast.Provider>
  )
}

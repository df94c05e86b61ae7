import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getI18n } from '../i18n'
import { expectNoAxeViolations } from '../test/axe'
import { ToastProvider, ToastViewport, useToast, type ToastTone } from './Toast'

function Trigger({ message, tone }: { message: string; tone?: ToastTone }) {
  const toast = useToast()
  return (
    <button type="button" onClick={() => toast(message, tone)}>
      {`Show ${message}`}
    </button>
  )
}

function renderToasts() {
  return render(
    <I18nextProvider i18n={getI18n('en')}>
      <ToastProvider>
        <Trigger message="Saved" />
        <Trigger message="Could not save" tone="error" />
        <ToastViewport />
      </ToastProvider>
    </I18nextProvider>,
  )
}

/** Runs Radix's next-frame and timer callbacks. */
async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })
}

describe('toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('announce successes politely and errors assertively, in a landmark', async () => {
    renderToasts()
    fireEvent.click(screen.getByRole('button', { name: 'Show Saved' }))
    await advance(50)
    expect(screen.getByRole('region', { name: 'Notifications (F8)' })).toContainElement(screen.getByText('Saved'))
    const polite = screen.getAllByRole('status').find((s) => s.textContent?.includes('Saved'))
    expect(polite).toHaveAttribute('aria-live', 'polite')
    expect(polite).toHaveTextContent('Notification Saved')

    fireEvent.click(screen.getByRole('button', { name: 'Show Could not save' }))
    await advance(50)
    const assertive = screen.getAllByRole('status').find((s) => s.textContent?.includes('Could not save'))
    expect(assertive).toHaveAttribute('aria-live', 'assertive')
    expect(screen.getAllByTestId('toast').map((t) => t.dataset.tone)).toEqual(['success', 'error'])

    vi.useRealTimers()
    await expectNoAxeViolations()
  })

  it('go away after a while, or with their dismiss button', async () => {
    renderToasts()
    fireEvent.click(screen.getByRole('button', { name: 'Show Saved' }))
    await advance(50)
    expect(screen.getByTestId('toast')).toHaveTextContent('Saved')
    await advance(6100)
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: 'Show Could not save' }))
    await advance(50)
    fireEvent.click(within(screen.getByTestId('toast')).getByRole('button', { name: 'Dismiss' }))
    await advance(50)
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument()
  })

  it('pause while hovered or focused', async () => {
    renderToasts()
    fireEvent.click(screen.getByRole('button', { name: 'Show Saved' }))
    await advance(50)
    const region = screen.getByRole('region', { name: 'Notifications (F8)' })

    fireEvent.pointerMove(region)
    await advance(20_000)
    expect(screen.getByTestId('toast')).toBeInTheDocument()
    fireEvent.pointerLeave(region)
    await advance(6100)
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: 'Show Saved' }))
    await advance(50)
    act(() => screen.getByTestId('toast').focus())
    await advance(20_000)
    expect(screen.getByTestId('toast')).toHaveFocus()
    act(() => screen.getByRole('button', { name: 'Show Saved' }).focus())
    await advance(6100)
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument()
  })

  it('keep at most three', async () => {
    renderToasts()
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByRole('button', { name: 'Show Saved' }))
    await advance(50)
    expect(screen.getAllByTestId('toast')).toHaveLength(3)
  })
})

import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { expectNoAxeViolations } from '../test/axe'
import { renderComponent } from '../test/component'
import { Button } from './Button'
import { ConfirmDialog } from './ConfirmDialog'
import { Dialog } from './Dialog'

function DialogHarness({ dismissible = true, onClose = () => {} }: { dismissible?: boolean; onClose?: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button onClick={() => setOpen(true)}>Rename</Button>
      <Dialog
        open={open}
        onClose={() => {
          onClose()
          setOpen(false)
        }}
        dismissible={dismissible}
        title="Rename the group"
        description="Names are shown to everyone with the link."
        footer={<Button onClick={() => setOpen(false)}>Save</Button>}
      >
        <label>
          Name
          <input defaultValue="Talks" />
        </label>
        <input role="combobox" aria-label="Tags" aria-expanded="true" aria-controls="tags-list" readOnly />
        <ul id="tags-list" role="listbox" aria-label="Suggestions">
          <li role="option" aria-selected="false">
            work
          </li>
        </ul>
      </Dialog>
    </>
  )
}

function ConfirmHarness({ pending = false, onConfirm = () => {} }: { pending?: boolean; onConfirm?: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button onClick={() => setOpen(true)}>Delete</Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={onConfirm}
        pending={pending}
        error={null}
        title="Delete this video?"
        description="This can’t be undone."
        confirmLabel="Delete video"
        testId="confirm"
      />
    </>
  )
}

describe('Dialog', () => {
  it('is a named modal dialog that focuses its first field, closes on Escape and gives the focus back', async () => {
    const onClose = vi.fn()
    const { user } = renderComponent(<DialogHarness onClose={onClose} />)
    await user.click(screen.getByRole('button', { name: 'Rename' }))

    const dialog = screen.getByRole('dialog', { name: 'Rename the group' })
    expect(dialog).toHaveAccessibleDescription('Names are shown to everyone with the link.')
    expect(within(dialog).getByLabelText('Name')).toHaveFocus()
    await expectNoAxeViolations()

    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledOnce()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Rename' })).toHaveFocus())
  })

  it('keeps the focus inside while open and closes with its close button', async () => {
    const { user } = renderComponent(<DialogHarness />)
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    const dialog = screen.getByRole('dialog')
    for (let i = 0; i < 6; i++) {
      await user.tab()
      expect(dialog).toContainElement(document.activeElement as HTMLElement)
    }
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('leaves an Escape meant for an open list inside it to that list', async () => {
    const onClose = vi.fn()
    const { user } = renderComponent(<DialogHarness onClose={onClose} />)
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    await user.click(screen.getByRole('combobox', { name: 'Tags' }))
    await user.keyboard('{Escape}')
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it('cannot be dismissed while not dismissible (no close button; Escape and clicks outside do nothing)', async () => {
    const onClose = vi.fn()
    const { user } = renderComponent(<DialogHarness dismissible={false} onClose={onClose} />)
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    expect(within(screen.getByRole('dialog')).queryByRole('button', { name: 'Close' })).not.toBeInTheDocument()
    await user.keyboard('{Escape}')
    fireEvent.pointerDown(document.body)
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })
})

describe('ConfirmDialog', () => {
  it('is an alert dialog that focuses Cancel, cancels on Escape and gives the focus back', async () => {
    const onConfirm = vi.fn()
    const { user } = renderComponent(<ConfirmHarness onConfirm={onConfirm} />)
    await user.click(screen.getByRole('button', { name: 'Delete' }))

    const dialog = screen.getByRole('alertdialog', { name: 'Delete this video?' })
    expect(dialog).toHaveAccessibleDescription('This can’t be undone.')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await expectNoAxeViolations()

    // A click outside does not dismiss an alert dialog.
    fireEvent.pointerDown(document.body)
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus())
    expect(onConfirm).not.toHaveBeenCalled()

    await user.click(screen.getByRole('button', { name: 'Delete' }))
    await user.click(screen.getByRole('button', { name: 'Delete video' }))
    expect(onConfirm).toHaveBeenCalledOnce()
    // The dialog stays open until the parent closes it (the action may fail and show its error inside).
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()
  })

  it('cannot be cancelled while its action runs', async () => {
    const { user } = renderComponent(<ConfirmHarness pending />)
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('alertdialog')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled()
    await user.keyboard('{Escape}')
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()
  })
})

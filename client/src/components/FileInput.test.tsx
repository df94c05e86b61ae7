import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { FileInput } from './FileInput'
import { expectNoAxeViolations } from '../test/axe'

function Picker({ onChange = vi.fn(), fileName }: { onChange?: (file: File | undefined) => void; fileName?: string }) {
  return (
    <>
      <label htmlFor="subs">Subtitles</label>
      <FileInput id="subs" buttonText="Choose file" noFileText="No file chosen" fileName={fileName} accept=".vtt" onChange={(e) => onChange(e.target.files?.[0])} />
    </>
  )
}

describe('FileInput', () => {
  it('shows its button and empty state in the UI language instead of the browser’s', async () => {
    render(<Picker />)
    expect(screen.getByText('Choose file')).toBeVisible()
    expect(screen.getByText('No file chosen')).toBeVisible()
    await expectNoAxeViolations()
  })

  it('is one control named by its field label, reached with the keyboard, and reports the chosen file', async () => {
    const onChange = vi.fn()
    const user = userEvent.setup()
    const { rerender } = render(<Picker onChange={onChange} />)
    const input = screen.getByLabelText('Subtitles')
    expect(input).toHaveAttribute('type', 'file')
    await user.tab()
    expect(input).toHaveFocus()
    await user.upload(input, new File(['WEBVTT\n'], 'talk.vtt', { type: 'text/vtt' }))
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ name: 'talk.vtt' }))
    rerender(<Picker onChange={onChange} fileName="talk.vtt" />)
    expect(screen.getByText('talk.vtt')).toBeVisible()
  })
})

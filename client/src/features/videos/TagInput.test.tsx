import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { getI18n } from '../../i18n'
import { expectNoAxeViolations } from '../../test/axe'
import { TagInput } from './TagInput'

function Harness({ initial = [] as string[] }) {
  const [tags, setTags] = useState(initial)
  return (
    <MemoryRouter>
      <I18nextProvider i18n={getI18n('en')}>
        <TagInput
          label="Tags"
          value={tags}
          onChange={setTags}
          suggestions={[
            { name: 'Work', color: '#4f46e5' },
            { name: 'workshop', color: '#16a34a' },
            { name: 'family', color: '#dc2626' },
          ]}
        />
        <output data-testid="value">{tags.join('|')}</output>
      </I18nextProvider>
    </MemoryRouter>
  )
}

describe('TagInput', () => {
  it('adds with Enter and comma, reuses the spelling of existing tags, ignores duplicates, removes with Backspace', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const input = screen.getByRole('combobox', { name: 'Tags' })

    await user.type(input, 'work{Enter}')
    expect(screen.getByTestId('value')).toHaveTextContent('Work')
    await user.type(input, 'new one,')
    await user.type(input, 'WORK{Enter}')
    expect(screen.getByTestId('value')).toHaveTextContent(/^Work\|new one$/)
    await user.type(input, '{Backspace}')
    expect(screen.getByTestId('value')).toHaveTextContent(/^Work$/)
    await user.click(screen.getByRole('button', { name: 'Remove tag Work' }))
    expect(screen.getByTestId('value')).toBeEmptyDOMElement()
  })

  it('suggests existing tags as a listbox operated with the arrow keys', async () => {
    const user = userEvent.setup()
    render(<Harness initial={['family']} />)
    const input = screen.getByRole('combobox', { name: 'Tags' })

    await user.type(input, 'wo')
    expect(input).toHaveAttribute('aria-expanded', 'true')
    const list = screen.getByRole('listbox', { name: 'Your tags' })
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Work', 'workshop', 'Create tag “wo”'])
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(within(list).getByRole('option', { name: 'workshop' })).toHaveAttribute('aria-selected', 'true')
    expect(input.getAttribute('aria-activedescendant')).toBe(within(list).getByRole('option', { name: 'workshop' }).id)
    await user.keyboard('{Enter}')
    expect(screen.getByTestId('value')).toHaveTextContent('family|workshop')

    await user.type(input, 'w')
    expect(input).toHaveAttribute('aria-expanded', 'true')
    await user.keyboard('{Escape}')
    expect(input).toHaveAttribute('aria-expanded', 'false')
  })

  it('does not add what was typed, nor a highlighted suggestion, when the focus leaves the box', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const input = screen.getByRole('combobox', { name: 'Tags' })

    await user.type(input, 'half-typed')
    await user.tab()
    expect(screen.getByTestId('value')).toBeEmptyDOMElement()
    expect(input).toHaveValue('half-typed')

    await user.clear(input)
    await user.type(input, 'wo{ArrowDown}')
    await user.tab()
    expect(screen.getByTestId('value')).toBeEmptyDOMElement()
    expect(input).toHaveAttribute('aria-expanded', 'false')
  })

  it('offers to create a tag that does not exist yet', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const input = screen.getByRole('combobox', { name: 'Tags' })

    await user.type(input, 'Brand new')
    const list = screen.getByRole('listbox', { name: 'Your tags' })
    await user.click(within(list).getByRole('option', { name: 'Create tag “Brand new”' }))
    expect(screen.getByTestId('value')).toHaveTextContent(/^Brand new$/)
    expect(input).toHaveValue('')
    expect(input).toHaveFocus()

    // An existing name (in any case) is offered as itself, not as a new tag.
    await user.type(input, 'FAMILY')
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent)).toEqual(['family'])
  })

  it('moves from the box to the chips with ArrowLeft, where Delete removes one', async () => {
    const user = userEvent.setup()
    render(<Harness initial={['Work', 'family']} />)
    await user.click(screen.getByRole('combobox', { name: 'Tags' }))
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByRole('button', { name: 'Remove tag family' })).toHaveFocus()
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByRole('button', { name: 'Remove tag Work' })).toHaveFocus()
    await user.keyboard('{Delete}')
    expect(screen.getByTestId('value')).toHaveTextContent(/^family$/)
  })

  it('stops at 20 tags and says so', async () => {
    const user = userEvent.setup()
    render(<Harness initial={Array.from({ length: 20 }, (_, i) => `tag${i}`)} />)
    await user.type(screen.getByRole('combobox', { name: 'Tags' }), 'one more{Enter}')
    expect(screen.getByText('At most 20 tags.')).toBeInTheDocument()
    expect(screen.getByTestId('value').textContent?.split('|')).toHaveLength(20)
  })

  it('has no accessibility violations with chips and open suggestions', async () => {
    const user = userEvent.setup()
    render(<Harness initial={['family']} />)
    await user.type(screen.getByRole('combobox', { name: 'Tags' }), 'w{ArrowDown}')
    await expectNoAxeViolations()
  })

  it('refuses tags longer than 50 characters', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.type(screen.getByRole('combobox', { name: 'Tags' }), `${'a'.repeat(51)}{Enter}`)
    expect(screen.getByText('A tag can have at most 50 characters.')).toBeInTheDocument()
    expect(screen.getByTestId('value')).toBeEmptyDOMElement()
  })
})

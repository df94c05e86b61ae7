import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../test/axe'
import { renderComponent } from '../test/component'
import { me } from '../test/session'
import { UserMenu } from './UserMenu'

describe('UserMenu', () => {
  it('is a menu button operated with the keyboard: arrows, Home/End, Escape back to the button', async () => {
    const { user } = renderComponent(<UserMenu user={me({ isAdmin: true })} />)
    const button = screen.getByRole('button', { name: 'Account menu for alice' })
    expect(button).toHaveAttribute('aria-haspopup', 'menu')
    expect(button).toHaveAttribute('aria-expanded', 'false')

    await user.tab()
    expect(button).toHaveFocus()
    await user.keyboard('{Enter}')
    const menu = await screen.findByRole('menu')
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Settings', 'Admin', 'Sign out'])
    expect(menu).toHaveTextContent('alice@example.com')
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: 'Settings' })).toHaveFocus())
    await expectNoAxeViolations()

    await user.keyboard('{ArrowDown}')
    expect(within(menu).getByRole('menuitem', { name: 'Admin' })).toHaveFocus()
    await user.keyboard('{End}')
    expect(within(menu).getByRole('menuitem', { name: 'Sign out' })).toHaveFocus()
    await user.keyboard('{Home}')
    expect(within(menu).getByRole('menuitem', { name: 'Settings' })).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(within(menu).getByRole('menuitem', { name: 'Settings' })).toHaveFocus()

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    await waitFor(() => expect(button).toHaveFocus())
  })

  it('follows a link with Enter and closes', async () => {
    const { user } = renderComponent(<UserMenu user={me()} />)
    await user.click(screen.getByRole('button', { name: 'Account menu for alice' }))
    const menu = await screen.findByRole('menu')
    expect(within(menu).queryByRole('menuitem', { name: 'Admin' })).not.toBeInTheDocument()
    await user.keyboard('{ArrowDown}')
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: 'Settings' })).toHaveFocus())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/settings'))
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
  })
})

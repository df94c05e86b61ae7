import type { ReactNode, Ref } from 'react'
import { Card } from '../../components/Card'

export interface AuthLayoutProps {
  title: string
  /** A sentence under the title. */
  intro?: ReactNode
  children: ReactNode
  /** Links under the card ("Already have an account? Sign in"). */
  footer?: ReactNode
  headingRef?: Ref<HTMLHeadingElement>
}

/** Centered card used by the authentication pages. */
export function AuthLayout({ title, intro, children, footer, headingRef }: AuthLayoutProps) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-10 sm:py-16">
      <Card padding="lg">
        <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-bold tracking-tight text-slate-900 focus:outline-none">
          {title}
        </h1>
        {intro && <p className="mt-2 text-slate-600">{intro}</p>}
        <div className="mt-6 space-y-5 [overflow-wrap:anywhere] text-slate-600">{children}</div>
      </Card>
      {footer && <div className="mt-6 space-y-2 text-center text-sm text-slate-600">{footer}</div>}
    </div>
  )
}

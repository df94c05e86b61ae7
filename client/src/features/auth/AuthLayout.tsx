import type { ReactNode } from 'react'
import { Card } from '../../components/Card'

/** Centered card used by the authentication pages. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-20">
      <Card padding="lg">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        <div className="mt-4 space-y-4 text-slate-600">{children}</div>
      </Card>
    </div>
  )
}

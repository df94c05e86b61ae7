import { Spinner } from './Spinner'

/** A centred spinner for a page whose data is loading. */
export function PageSpinner({ label }: { label?: string }) {
  return (
    <div className="flex justify-center py-24 text-indigo-600">
      <Spinner size="lg" label={label} />
    </div>
  )
}

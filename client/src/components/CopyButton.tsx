import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, type ButtonProps } from './Button'

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Fall through to the legacy path (e.g. clipboard permission denied).
  }
  try {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  } catch {
    return false
  }
}

/** Copies `text` and says so (the confirmation is announced through `aria-live`). */
export function CopyButton({ text, label, ...rest }: Omit<ButtonProps, 'onClick'> & { text: string; label?: string }) {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])

  return (
    <>
      <Button variant="secondary" onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))} {...rest}>
        {state === 'copied' ? t('common.copied') : (label ?? t('common.copy'))}
      </Button>
      <span className="sr-only" aria-live="polite">
        {state === 'copied' ? t('common.copiedAnnouncement') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </>
  )
}

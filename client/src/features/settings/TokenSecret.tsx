import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { CopyButton } from '../../components/CopyButton'
import { TextField } from '../../components/Field'
import type { CreatedApiToken } from './queries'

/** The new token's secret, shown this one time, with a copy button. */
export function TokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="space-y-5">
      <Alert tone="warning" title={t('settings.tokens.created.warningTitle')} role="none">
        {t('settings.tokens.created.warningBody')}
      </Alert>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField
          containerClassName="min-w-0 flex-1"
          label={t('settings.tokens.created.secretLabel', { name: token.name })}
          value={token.token}
          readOnly
          // The secret is shown once: focus (and select) it so it can be copied straight away.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          className="font-mono"
          data-testid="token-secret"
          spellCheck={false}
        />
        <CopyButton text={token.token} />
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>{t('settings.tokens.created.done')}</Button>
      </div>
    </div>
  )
}

// The server's refusals in the learner's words: each known code has its own sentence in the
// locale section "server" (server.errors.<code>); any other says that the server refused and why
// it may have, never the server's English message or a status number.
import type { Translate } from '../../i18n/translator.ts'
import { ApiError } from '../../../state/classroom/api.ts'

/** The sentence for a failed request to the server, in the interface language. */
export function describeServerError(t: Translate, e: unknown): string {
  const code = e instanceof ApiError ? e.code : 'network'
  const other = t('server.errors.other')
  if (e instanceof ApiError && e.details['missing'] === true)
    return t(`server.errors.${code}-missing`, { defaultValue: t(`server.errors.${code}`) })
  if (e instanceof ApiError && code === 'bad-request' && typeof e.details['field'] === 'string')
    return t('server.errors.bad-field', {
      field: t(`server.fields.${e.details['field']}`, { defaultValue: t('server.fields.other') }),
    })
  return t(`server.errors.${code}`, { defaultValue: other })
}

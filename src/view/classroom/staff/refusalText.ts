// What the server's refusal means, in the staff's language: its stable code's sentence (the
// "staff" texts, then the app's "server" texts), the field it names in plain words, and the
// server's own English only for a code this app does not know yet.
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import type { Translate } from '../../i18n/translator.ts'

/** A refusal as one sentence in the language of `t`. */
export function refusalText(t: Translate, refusal: ApiRefusal): string {
  if (refusal.status === 0) return t('staff.errors.offline')
  const field = refusal.details['field']
  const values =
    typeof field === 'string' && field
      ? { field: t(`staff.fields.${field.split('.')[0]}`, { defaultValue: field }) }
      : {}
  const code = refusal.code === 'bad-request' && values.field ? 'bad-request-field' : refusal.code
  const own = t(`staff.errors.${code}`, { ...values, defaultValue: '' })
  if (own) return own
  const shared = t(`server.errors.${refusal.code}`, { defaultValue: '' })
  return shared || t('staff.errors.other', { message: refusal.message, status: refusal.status })
}

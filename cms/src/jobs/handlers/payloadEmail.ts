import { toPlainText } from '@react-email/components'
import type { Payload } from 'payload'

import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'

/** Sends a message Payload composed (a password reset), once, with its plain-text part. */
export async function payloadEmail(
  payload: Payload,
  { messageKey, to, subject, html }: JobData<'payload-email'>,
): Promise<void> {
  await deliverOnce(payload, {
    key: `payload-email:${messageKey}`,
    template: 'payload-email',
    to: { email: to },
    content: { subject, html, text: toPlainText(html) },
  })
}

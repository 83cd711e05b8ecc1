import { randomUUID } from 'node:crypto'

import type { EmailAdapter } from 'payload'

import { parseEnv } from '../env'
import { enqueue } from './queue'

/**
 * Payload's own emails (password reset) go through the job queue like every other email: the
 * request returns at once, the worker sends through SMTP and retries with backoff.
 */
export const queuedEmailAdapter: EmailAdapter = () => {
  const from = parseEnv(process.env).MAIL_FROM
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from
  const name = from.replace(/\s*<[^>]+>\s*/, '') || 'Event Portal'
  return {
    name: 'event-portal-queue',
    defaultFromAddress: address,
    defaultFromName: name,
    async sendEmail(message) {
      const to = Array.isArray(message.to) ? message.to[0] : message.to
      const recipient = typeof to === 'string' ? to : to?.address
      if (!recipient || typeof message.html !== 'string' || !message.subject) {
        throw new Error('Payload email without a recipient, subject or HTML body')
      }
      return enqueue('payload-email', {
        messageKey: randomUUID(),
        to: recipient,
        subject: message.subject,
        html: message.html,
      })
    },
  }
}

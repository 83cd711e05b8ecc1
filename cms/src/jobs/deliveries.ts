import type { Payload } from 'payload'

import { renderEmail, type RenderedEmail } from '../emails/render'
import type { EmailContent } from '../emails/templates'
import type { EmailDelivery } from '../payload-types'
import { sendMail, type OutgoingMail } from './mailer'
import { slugs } from '../plugin/settings'

export type Recipient = { id?: number; email: string }

export type DeliveryRequest = {
  /** The business event this mail belongs to; the same key is never mailed twice. */
  key: string
  template: string
  to: Recipient
  /** A template to render, or a message rendered already (Payload's own emails). */
  content: EmailContent | RenderedEmail
  campaignId?: number
  attachments?: OutgoingMail['attachments']
  headers?: Record<string, string>
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'skipped'

const MESSAGE_DOMAIN = 'event-portal.localhost'

async function findDelivery(payload: Payload, key: string): Promise<EmailDelivery | undefined> {
  const { docs } = await payload.find({
    collection: slugs.emailDeliveries,
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

/**
 * Sends one email at most once per key. The row is written before the SMTP conversation and
 * marked sent after it; a retried job (a crash, a stalled worker) finds `sent` and stops. The
 * Message-ID is derived from the key, so the one remaining window (killed between the server's
 * "250 OK" and our write) yields a copy that mail clients recognise as the same message.
 */
export async function deliverOnce(
  payload: Payload,
  request: DeliveryRequest,
): Promise<DeliveryOutcome> {
  let delivery = await findDelivery(payload, request.key)
  if (delivery?.status === 'sent' || delivery?.status === 'skipped') return 'already-sent'
  const rendered =
    'element' in request.content ? await renderEmail(request.content) : request.content
  const base = {
    template: request.template,
    to: request.to.email,
    subject: rendered.subject,
    user: request.to.id ?? null,
    campaign: request.campaignId ?? null,
    status: 'sending' as const,
  }
  if (delivery) {
    delivery = await payload.update({
      collection: slugs.emailDeliveries,
      id: delivery.id,
      data: { ...base, attempts: (delivery.attempts ?? 0) + 1 },
      overrideAccess: true,
    })
  } else {
    try {
      delivery = await payload.create({
        collection: slugs.emailDeliveries,
        data: { ...base, key: request.key, attempts: 1 },
        overrideAccess: true,
      })
    } catch (error) {
      // Another worker created the row first (unique key): it owns this send.
      if (await findDelivery(payload, request.key)) return 'already-sent'
      throw error
    }
  }
  const messageId = `<${request.key.replace(/[^A-Za-z0-9.:_-]/g, '-')}@${MESSAGE_DOMAIN}>`
  try {
    await sendMail({
      to: request.to.email,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      messageId,
      attachments: request.attachments,
      headers: request.headers,
    })
  } catch (error) {
    await payload.update({
      collection: slugs.emailDeliveries,
      id: delivery.id,
      data: {
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 500) : 'send failed',
      },
      overrideAccess: true,
    })
    throw error
  }
  await payload.update({
    collection: slugs.emailDeliveries,
    id: delivery.id,
    data: { status: 'sent', sentAt: new Date().toISOString(), messageId, error: null },
    overrideAccess: true,
  })
  return 'sent'
}

/** Records a recipient we deliberately did not mail (unsubscribed), so progress still adds up. */
export async function recordSkipped(
  payload: Payload,
  request: Omit<DeliveryRequest, 'content' | 'attachments' | 'headers'> & { subject: string },
): Promise<void> {
  if (await findDelivery(payload, request.key)) return
  await payload
    .create({
      collection: slugs.emailDeliveries,
      data: {
        key: request.key,
        template: request.template,
        to: request.to.email,
        subject: request.subject,
        user: request.to.id ?? null,
        campaign: request.campaignId ?? null,
        status: 'skipped',
      },
      overrideAccess: true,
    })
    .catch(() => undefined)
}

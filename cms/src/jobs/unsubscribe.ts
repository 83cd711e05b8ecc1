import { createHmac, timingSafeEqual } from 'node:crypto'

import type { Endpoint } from 'payload'
import { z } from 'zod'

import { parseEnv } from '../env'
import { cmsUrl } from './context'
import { slugs } from '../plugin/settings'

const sign = (userId: number): string =>
  createHmac('sha256', parseEnv(process.env).PAYLOAD_SECRET)
    .update(`unsubscribe:${userId}`)
    .digest('base64url')

/** A link that works without logging in, and only for the person it was sent to. */
export const unsubscribeUrl = (userId: number): string =>
  `${cmsUrl()}/api/email-opt-outs/unsubscribe?u=${userId}&t=${sign(userId)}`

export function isValidUnsubscribeToken(userId: number, token: string): boolean {
  const expected = Buffer.from(sign(userId))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const querySchema = z.object({ u: z.coerce.number().int().positive(), t: z.string().min(10) })

const page = (status: number, title: string, message: string): Response =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${title}</h1><p>${message}</p></body></html>`,
    { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  )

async function optOut(req: Parameters<Endpoint['handler']>[0]): Promise<Response> {
  const url = new URL(req.url ?? '', 'http://localhost')
  const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams))
  if (!parsed.success || !isValidUnsubscribeToken(parsed.data.u, parsed.data.t)) {
    return page(
      400,
      'Link not valid',
      'This unsubscribe link is not valid. Use the link from your email.',
    )
  }
  const userId = parsed.data.u
  const { totalDocs } = await req.payload.count({
    collection: slugs.emailOptOuts,
    where: { user: { equals: userId } },
    overrideAccess: true,
  })
  if (totalDocs === 0) {
    await req.payload
      .create({ collection: slugs.emailOptOuts, data: { user: userId }, overrideAccess: true })
      .catch(() => undefined) // a double click creates it once (unique user)
  }
  return page(
    200,
    'You are unsubscribed',
    "You will no longer receive organizers' messages. Emails about your own registrations and payments still arrive.",
  )
}

/** GET shows the result in a browser; POST is RFC 8058 one-click unsubscribe from mail clients. */
export const unsubscribe: Endpoint[] = [
  { path: '/unsubscribe', method: 'get', handler: optOut },
  { path: '/unsubscribe', method: 'post', handler: optOut },
]

// A small Stripe-compatible server for local use and tests, since this
// network cannot reach Stripe. It implements the calls the cms makes
// (Checkout Sessions create/retrieve/expire with several line items and a coupon's discount,
// Coupons, full and partial Refunds) and a hosted test
// checkout page whose Pay button sends a correctly signed webhook.
import { randomBytes } from 'node:crypto'
import http from 'node:http'

import Stripe from 'stripe'

import { parseFormBody } from './formBody.ts'

type Session = {
  id: string
  object: 'checkout.session'
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  url: string
  amount_subtotal: number
  amount_total: number
  total_details: { amount_discount: number }
  currency: string
  customer_email: string | null
  client_reference_id: string | null
  metadata: Record<string, string>
  success_url: string
  cancel_url: string
  expires_at: number
  created: number
  payment_intent: string | null
  mode: 'payment'
  livemode: false
  line_items_summary: string
}

type Coupon = {
  id: string
  object: 'coupon'
  amount_off: number | null
  percent_off: number | null
  currency: string | null
  duration: string
  name: string | null
}

export type Refund = {
  id: string
  object: 'refund'
  amount: number
  currency: string
  payment_intent: string
  status: 'succeeded'
  created: number
}

export type StripeTestServerOptions = {
  port: number
  host?: string
  /** Where webhooks go, e.g. http://localhost:3000/api/payments/webhook */
  webhookUrl: string
  webhookSecret: string
  /** The address browsers use to reach this server (for hosted checkout URLs). */
  publicUrl?: string
}

export type StripeTestServer = {
  url: string
  sessions: Map<string, Session>
  /** Refunds made so far (tests read partial refunds here). */
  refunds: Map<string, Refund>
  /**
   * Pays a session as the hosted page's Pay button does (tests without a browser). With
   * `deliver: false` the webhook is not sent, so a test can deliver (or forge) its own.
   */
  pay(sessionId: string, options?: { deliver?: boolean }): Promise<void>
  /** Answers the next `count` API calls with a 500, as an outage at Stripe would. */
  failNextRequests(count: number): void
  close(): Promise<void>
}

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`
const now = () => Math.floor(Date.now() / 1000)
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

export async function startStripeTestServer(
  options: StripeTestServerOptions,
): Promise<StripeTestServer> {
  const signer = new Stripe('sk_test_signer_only')
  const sessions = new Map<string, Session>()
  const refunds = new Map<string, Refund>()
  const coupons = new Map<string, Coupon>()
  const idempotent = new Map<string, unknown>()
  const expiryTimers = new Map<string, NodeJS.Timeout>()
  const host = options.host ?? '127.0.0.1'
  let failuresLeft = 0

  async function sendWebhook(type: string, object: unknown): Promise<void> {
    const payload = JSON.stringify({
      id: newId('evt'),
      object: 'event',
      api_version: '2025-01-01',
      created: now(),
      type,
      livemode: false,
      data: { object },
    })
    const header = signer.webhooks.generateTestHeaderString({
      payload,
      secret: options.webhookSecret,
    })
    // Stripe retries failed deliveries; a few quick retries are enough locally.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const response = await fetch(options.webhookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
          body: payload,
        })
        if (response.ok) return
      } catch {
        // cms not reachable: retry
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt))
    }
  }

  function expire(session: Session): boolean {
    if (session.status !== 'open') return false
    session.status = 'expired'
    clearTimeout(expiryTimers.get(session.id))
    void sendWebhook('checkout.session.expired', session)
    return true
  }

  async function pay(sessionId: string, { deliver = true } = {}): Promise<void> {
    const session = sessions.get(sessionId)
    if (!session || session.status !== 'open') throw new Error(`Session ${sessionId} is not open.`)
    session.status = 'complete'
    session.payment_status = 'paid'
    session.payment_intent = newId('pi')
    clearTimeout(expiryTimers.get(session.id))
    if (deliver) await sendWebhook('checkout.session.completed', session)
  }

  function createSession(body: Record<string, unknown>, baseUrl: string): Session {
    const items = (body.line_items ?? []) as {
      quantity?: string
      price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } }
    }[]
    const currency = items[0]?.price_data?.currency
    const amount = items.reduce(
      (sum, item) => sum + Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1),
      0,
    )
    if (!currency || !Number.isInteger(amount) || amount <= 0) {
      throw new Error('line_items with price_data (currency, unit_amount) are required')
    }
    const discount = sessionDiscount(body.discounts, amount, currency)
    const id = newId('cs')
    const expiresAt = Number(body.expires_at ?? now() + 24 * 3600)
    const session: Session = {
      id,
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      url: `${baseUrl}/pay/${id}`,
      amount_subtotal: amount,
      amount_total: amount - discount,
      total_details: { amount_discount: discount },
      currency,
      customer_email: (body.customer_email as string) ?? null,
      client_reference_id: (body.client_reference_id as string) ?? null,
      metadata: (body.metadata as Record<string, string>) ?? {},
      success_url: String(body.success_url ?? ''),
      cancel_url: String(body.cancel_url ?? ''),
      expires_at: expiresAt,
      created: now(),
      payment_intent: null,
      mode: 'payment',
      livemode: false,
      line_items_summary: items.map((item) => item.price_data?.product_data?.name ?? '').join(', '),
    }
    sessions.set(id, session)
    const delay = Math.max(0, expiresAt * 1000 - Date.now())
    if (delay < 2 ** 31 - 1) expiryTimers.set(id, setTimeout(() => expire(session), delay).unref())
    return session
  }

  /** Stripe applies one coupon per session: its amount (in the session's currency) or percent off. */
  function sessionDiscount(discounts: unknown, amount: number, currency: string): number {
    const [first] = (discounts ?? []) as { coupon?: string }[]
    if (!first?.coupon) return 0
    const coupon = coupons.get(first.coupon)
    if (!coupon) throw new Error(`No such coupon: '${first.coupon}'`)
    if (coupon.amount_off !== null) {
      if (coupon.currency !== currency) throw new Error('The coupon is in another currency.')
      return Math.min(amount, coupon.amount_off)
    }
    return Math.round((amount * (coupon.percent_off ?? 0)) / 100)
  }

  function createCoupon(body: Record<string, unknown>): Coupon {
    const amountOff = body.amount_off === undefined ? null : Number(body.amount_off)
    const percentOff = body.percent_off === undefined ? null : Number(body.percent_off)
    if ((amountOff === null) === (percentOff === null)) {
      throw new Error('A coupon needs exactly one of amount_off and percent_off.')
    }
    if (amountOff !== null && (!Number.isInteger(amountOff) || amountOff <= 0 || !body.currency)) {
      throw new Error('amount_off must be a positive integer with a currency.')
    }
    const coupon: Coupon = {
      id: newId('coupon'),
      object: 'coupon',
      amount_off: amountOff,
      percent_off: percentOff,
      currency: amountOff === null ? null : String(body.currency),
      duration: String(body.duration ?? 'once'),
      name: typeof body.name === 'string' ? body.name : null,
    }
    coupons.set(coupon.id, coupon)
    return coupon
  }

  function checkoutPage(session: Session): string {
    const money = (minor: number) =>
      new Intl.NumberFormat('en', {
        style: 'currency',
        currency: session.currency.toUpperCase(),
      }).format(minor / 100)
    const price = money(session.amount_total)
    const state =
      session.status === 'open'
        ? `<form method="post" action="/pay/${session.id}"><button type="submit">Pay ${escapeHtml(price)}</button></form>
           <form method="post" action="/pay/${session.id}/cancel"><button type="submit" class="secondary">Cancel</button></form>`
        : `<p role="status">This checkout is ${session.status}.</p>`
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test checkout</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#111}
.note{background:#fef3c7;padding:.5rem .75rem;border-radius:.5rem}button{font:inherit;padding:.6rem 1.2rem;
border-radius:.5rem;border:0;background:#4338ca;color:#fff;margin:.25rem 0;cursor:pointer}
button.secondary{background:#e5e7eb;color:#111}</style></head><body>
<p class="note">Local test checkout — no real money moves.</p>
<h1>${escapeHtml(session.line_items_summary || 'Ticket')}</h1>
${session.total_details.amount_discount > 0 ? `<p>Discount: ${escapeHtml(money(session.total_details.amount_discount))}</p>` : ''}
<p>Total: <strong>${escapeHtml(price)}</strong></p>
${session.customer_email ? `<p>For ${escapeHtml(session.customer_email)}</p>` : ''}
${state}</body></html>`
  }

  const stripeError = (res: http.ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ error: { type: 'invalid_request_error', message } }))
  }
  const sendJson = (res: http.ServerResponse, body: unknown) => {
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const rawBody = Buffer.concat(chunks).toString()
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const baseUrl = options.publicUrl ?? `http://${req.headers.host}`
    const method = req.method ?? 'GET'
    const key = req.headers['idempotency-key']
    try {
      if (url.pathname.startsWith('/v1/') && failuresLeft > 0) {
        failuresLeft--
        res.writeHead(500, { 'Content-Type': 'application/json' })
        return res.end(
          JSON.stringify({ error: { type: 'api_error', message: 'Simulated outage.' } }),
        )
      }
      if (method === 'POST' && typeof key === 'string' && idempotent.has(key)) {
        return sendJson(res, idempotent.get(key))
      }
      const remember = (body: unknown) => {
        if (typeof key === 'string') idempotent.set(key, body)
        sendJson(res, body)
      }
      let match: RegExpMatchArray | null
      if (method === 'POST' && url.pathname === '/v1/coupons') {
        return remember(createCoupon(parseFormBody(rawBody)))
      }
      if (method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        return remember(createSession(parseFormBody(rawBody), baseUrl))
      }
      if ((match = url.pathname.match(/^\/v1\/checkout\/sessions\/([\w-]+)(\/expire)?$/))) {
        const session = sessions.get(match[1]!)
        if (!session) return stripeError(res, 404, `No such checkout.session: '${match[1]}'`)
        if (method === 'GET' && !match[2]) return sendJson(res, session)
        if (method === 'POST' && match[2]) {
          if (!expire(session)) {
            return stripeError(
              res,
              400,
              `This Checkout Session is ${session.status} and cannot be expired.`,
            )
          }
          return sendJson(res, session)
        }
      }
      if (method === 'POST' && url.pathname === '/v1/refunds') {
        const body = parseFormBody(rawBody)
        const session = [...sessions.values()].find((s) => s.payment_intent === body.payment_intent)
        if (!session)
          return stripeError(res, 404, `No such payment_intent: '${String(body.payment_intent)}'`)
        // Partial refunds add up to at most what was paid.
        const refundedSoFar = [...refunds.values()]
          .filter((r) => r.payment_intent === body.payment_intent)
          .reduce((sum, r) => sum + r.amount, 0)
        const left = session.amount_total - refundedSoFar
        if (left <= 0) return stripeError(res, 400, 'This payment has already been refunded.')
        const amount = body.amount === undefined ? left : Number(body.amount)
        if (!Number.isInteger(amount) || amount <= 0 || amount > left) {
          return stripeError(res, 400, `Refund amount must be between 1 and ${left}.`)
        }
        const refund: Refund = {
          id: newId('re'),
          object: 'refund',
          amount,
          currency: session.currency,
          payment_intent: session.payment_intent!,
          status: 'succeeded',
          created: now(),
        }
        refunds.set(refund.id, refund)
        return remember(refund)
      }
      if ((match = url.pathname.match(/^\/pay\/([\w-]+)(\/cancel)?$/))) {
        const session = sessions.get(match[1]!)
        if (!session) {
          res.writeHead(404, { 'Content-Type': 'text/html' })
          return res.end('<h1>Unknown checkout</h1>')
        }
        if (method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          return res.end(checkoutPage(session))
        }
        if (method === 'POST' && match[2]) {
          res.writeHead(303, { Location: session.cancel_url })
          return res.end()
        }
        if (method === 'POST') {
          if (session.status === 'open') await pay(session.id)
          res.writeHead(303, {
            Location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id),
          })
          return res.end()
        }
      }
      stripeError(res, 404, `Unrecognized request URL (${method}: ${url.pathname}).`)
    } catch (error) {
      stripeError(res, 400, (error as Error).message)
    }
  })

  await new Promise<void>((resolve) => server.listen(options.port, host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    url: `http://${host}:${port}`,
    sessions,
    refunds,
    pay,
    failNextRequests(count: number) {
      failuresLeft = count
    },
    async close() {
      for (const timer of expiryTimers.values()) clearTimeout(timer)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

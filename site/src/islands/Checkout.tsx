import type { BookingErrorCode, TicketsResponse } from '@event-portal/cms/contract'
import { useEffect, useState } from 'react'

import type { RegistrationStatus } from '../lib/schemas'
import OrderForm from './tickets/OrderForm'

export type CheckoutProps = {
  eventId: number
  slug: string
  priceLabel: string
  isFree: boolean
  isLoggedIn: boolean
  hasEnded: boolean
  isFull: boolean
  registration: { id: number; status: RegistrationStatus } | null
  /** When the person's own hold (open checkout, waitlist offer) ends, in the event's zone. */
  holdUntil: string | null
  /** The ticket types on offer (with the `?code=` applied); null when the CMS could not say. */
  tickets: TicketsResponse | null
  code: string | null
  timezone: string
  /** The logged-in visitor, the first attendee unless changed. */
  buyer: { name: string; email: string } | null
}

type ApiResult =
  | { ok: true; status?: RegistrationStatus; url?: string }
  | { ok: false; error: string; code?: BookingErrorCode }

async function post(path: string, body: unknown): Promise<ApiResult> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    })
    const json = (await response.json().catch(() => null)) as {
      status?: RegistrationStatus
      url?: string
      error?: string
      code?: BookingErrorCode
    } | null
    if (!response.ok) {
      return {
        ok: false,
        error: json?.error ?? 'Something went wrong. Please try again.',
        code: json?.code,
      }
    }
    return { ok: true, status: json?.status, url: json?.url }
  } catch {
    return { ok: false, error: 'The network is unavailable. Please try again.' }
  }
}

/** A registration that no longer holds or awaits anything: the person starts afresh. */
const isOver = (status: RegistrationStatus) => status === 'cancelled' || status === 'expired'

/**
 * Register (free), buy (paid, via Stripe Checkout), pay for a held seat (an open checkout or a
 * waitlist offer) or join the waitlist, in place. It decides by the CMS's booking codes.
 */
export default function Checkout(props: CheckoutProps) {
  const [status, setStatus] = useState<RegistrationStatus | null>(
    props.registration && !isOver(props.registration.status) ? props.registration.status : null,
  )
  const [holdUntil, setHoldUntil] = useState(props.holdUntil)
  const [isFull, setIsFull] = useState(props.isFull)
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [confirmedCount, setConfirmedCount] = useState(1)
  // Server-rendered buttons stay disabled until React has attached their handlers.
  const [isHydrated, setIsHydrated] = useState(false)
  useEffect(() => setIsHydrated(true), [])
  const loginHref = `/login?next=${encodeURIComponent(`/events/${props.slug}`)}`

  async function act(kind: 'register' | 'waitlist' | 'checkout') {
    setIsBusy(true)
    setError(null)
    const result =
      kind === 'checkout'
        ? await post('/api/site/checkout', { event: props.eventId })
        : await post('/api/site/registrations', {
            event: props.eventId,
            waitlist: kind === 'waitlist',
          })
    if (!result.ok) {
      setError(result.error)
      if (result.code === 'EVENT_FULL' || result.code === 'HOLD_EXPIRED') {
        setIsFull(true)
        setStatus(null)
        setHoldUntil(null)
      }
      if (result.code === 'ALREADY_REGISTERED') setStatus('confirmed')
      if (result.code === 'ON_WAITLIST') setStatus('waitlisted')
      setIsBusy(false)
      return
    }
    if (result.url) {
      window.location.assign(result.url)
      return
    }
    setStatus(result.status ?? 'confirmed')
    setIsBusy(false)
  }

  if (status === 'confirmed') {
    return (
      <div className="notice success" role="status">
        {confirmedCount > 1 ? (
          <p>
            <strong>Your {confirmedCount} tickets are confirmed.</strong> Each attendee gets their
            own email. See the order in <a href="/account">your account</a>.
          </p>
        ) : (
          <p>
            <strong>You’re registered.</strong> See it in <a href="/account">your account</a>.
          </p>
        )}
      </div>
    )
  }
  if (status === 'waitlisted') {
    return (
      <div className="notice" role="status">
        <p>
          <strong>You’re on the waitlist.</strong> We’ll email you if a seat frees up.
        </p>
      </div>
    )
  }

  let reason: string | null = null
  if (props.hasEnded) reason = 'This event has ended.'
  else if (!props.isLoggedIn) reason = 'Log in to register for this event.'

  if (reason) {
    return (
      <div>
        <button type="button" disabled aria-describedby="checkout-reason">
          {props.isFree ? 'Register for free' : `Buy ticket · ${props.priceLabel}`}
        </button>
        <p id="checkout-reason" className="muted">
          {reason} {!props.isLoggedIn && !props.hasEnded && <a href={loginHref}>Log in</a>}
        </p>
      </div>
    )
  }

  const hasHold = (status === 'pending' || status === 'offered') && holdUntil !== null

  return (
    <div>
      {hasHold ? (
        <>
          <p>
            <strong>A seat is held for you</strong> until {holdUntil}.
          </p>
          <button type="button" disabled={isBusy || !isHydrated} onClick={() => act('checkout')}>
            Pay · {props.priceLabel}
          </button>
        </>
      ) : isFull ? (
        <>
          <p>
            <strong>Sold out</strong> — join the waitlist and we’ll let you know if a seat frees up.
          </p>
          <button type="button" disabled={isBusy || !isHydrated} onClick={() => act('waitlist')}>
            Join the waitlist
          </button>
        </>
      ) : props.tickets && props.buyer && props.tickets.ticketTypes.length > 0 ? (
        <OrderForm
          eventId={props.eventId}
          timezone={props.timezone}
          tickets={props.tickets}
          code={props.code}
          buyer={props.buyer}
          isHydrated={isHydrated}
          onConfirmed={(count) => {
            setConfirmedCount(count)
            setStatus('confirmed')
          }}
          onFull={() => setIsFull(true)}
        />
      ) : props.isFree ? (
        <button type="button" disabled={isBusy || !isHydrated} onClick={() => act('register')}>
          Register for free
        </button>
      ) : (
        <button type="button" disabled={isBusy || !isHydrated} onClick={() => act('checkout')}>
          Buy ticket · {props.priceLabel}
        </button>
      )}
      {isBusy && (
        <p role="status" className="muted">
          Working…
        </p>
      )}
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
    </div>
  )
}

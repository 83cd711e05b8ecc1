import { useEffect, useState } from 'react'

import type { RegistrationStatus } from '../lib/schemas'

export type CheckoutProps = {
  eventId: number
  slug: string
  priceLabel: string
  isFree: boolean
  isLoggedIn: boolean
  hasEnded: boolean
  isFull: boolean
  registration: { id: number; status: RegistrationStatus } | null
}

type ApiResult =
  { ok: true; status?: RegistrationStatus; url?: string } | { ok: false; error: string }

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
    } | null
    if (!response.ok)
      return { ok: false, error: json?.error ?? 'Something went wrong. Please try again.' }
    return { ok: true, status: json?.status, url: json?.url }
  } catch {
    return { ok: false, error: 'The network is unavailable. Please try again.' }
  }
}

/** Register (free), buy (paid, via Stripe Checkout) or join the waitlist, in place. */
export default function Checkout(props: CheckoutProps) {
  const [status, setStatus] = useState<RegistrationStatus | null>(
    props.registration && props.registration.status !== 'cancelled'
      ? props.registration.status
      : null,
  )
  const [isFull, setIsFull] = useState(props.isFull)
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
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
      if (/full/i.test(result.error)) setIsFull(true)
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
        <p>
          <strong>You’re registered.</strong> See it in <a href="/account">your account</a>.
        </p>
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

  return (
    <div>
      {isFull ? (
        <>
          <p>
            <strong>Sold out</strong> — join the waitlist and we’ll let you know if a seat frees up.
          </p>
          <button type="button" disabled={isBusy || !isHydrated} onClick={() => act('waitlist')}>
            Join the waitlist
          </button>
        </>
      ) : status === 'pending' ? (
        <>
          <p>Your seat is held while you pay.</p>
          <button type="button" disabled={isBusy || !isHydrated} onClick={() => act('checkout')}>
            Complete payment · {props.priceLabel}
          </button>
        </>
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

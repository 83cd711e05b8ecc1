import type { TicketsResponse } from '@event-portal/cms/contract'
import { useEffect, useRef, useState } from 'react'

import { money } from '../../lib/islandFormat'
import {
  attendeeSlots,
  availabilityLabel,
  buildItems,
  fieldInputId,
  initialQuantities,
  isOnSale,
  orderTotals,
  PROMO_INPUT_ID,
  promoLabel,
  quantityInputId,
  quantityOptions,
  refusalMessage,
  type AttendeeInput,
  type Quantities,
} from '../../lib/tickets'
import AttendeeFields from './AttendeeFields'

export type OrderFormProps = {
  eventId: number
  timezone: string
  tickets: TicketsResponse
  /** The `?code=` the page was opened with; its types and prices are already in `tickets`. */
  code: string | null
  buyer: { name: string; email: string }
  isHydrated: boolean
  /** A free order was confirmed (count tickets), in place. */
  onConfirmed: (count: number) => void
  /** The CMS said the event is full: the island offers the waitlist. */
  onFull: () => void
}

type Refusal = { error?: string; code?: string; data?: Record<string, unknown> }

async function send(path: string, init?: RequestInit) {
  try {
    const response = await fetch(path, {
      ...init,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    })
    const body = (await response.json().catch(() => ({}))) as Refusal & Record<string, unknown>
    return { ok: response.ok, body }
  } catch {
    return { ok: false, body: { error: 'The network is unavailable. Please try again.' } }
  }
}

/**
 * Quantities per type, a promo code previewed before paying, one attendee per ticket with the
 * event's questions, then a free order confirmed in place or a paid one sent to checkout.
 */
export default function OrderForm(props: OrderFormProps) {
  const [offer, setOffer] = useState(props.tickets)
  const [quantities, setQuantities] = useState<Quantities>(() =>
    initialQuantities(props.tickets.ticketTypes),
  )
  // Until the visitor picks quantities, a code that changes the types changes the default too.
  const [isTouched, setIsTouched] = useState(false)
  const [attendees, setAttendees] = useState<Record<string, AttendeeInput>>({})
  const [codeInput, setCodeInput] = useState(props.code ?? '')
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<{ message: string; inputId: string | null } | null>(
    props.tickets.promoError
      ? {
          message: refusalMessage(props.tickets.promoError.code, {}, context(props.tickets)),
          inputId: PROMO_INPUT_ID,
        }
      : null,
  )
  const formRef = useRef<HTMLFormElement>(null)

  function context(tickets: TicketsResponse) {
    return { types: tickets.ticketTypes, questions: tickets.questions, timezone: props.timezone }
  }

  // The refused field is highlighted and focused, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (!error?.inputId) return
    const element = formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(error.inputId)}`)
    const target = element?.matches('fieldset') ? element.querySelector('input') : element
    target?.focus()
  }, [error])

  const types = offer.ticketTypes
  const slots = attendeeSlots(types, quantities)
  const totals = orderTotals(types, quantities)
  const currency = offer.currency
  const attendeeOf = (key: string, number: number): AttendeeInput =>
    attendees[key] ??
    (number === 1
      ? { name: props.buyer.name, email: props.buyer.email, answers: {} }
      : { name: '', email: '', answers: {} })

  async function applyCode(code: string) {
    setIsBusy(true)
    setError(null)
    const query = code ? `?code=${encodeURIComponent(code)}` : ''
    const { ok, body } = await send(`/api/site/events/${props.eventId}/tickets${query}`)
    setIsBusy(false)
    if (!ok) {
      setError({
        message: refusalMessage(body.code, body.data, context(offer), body.error),
        inputId: null,
      })
      return
    }
    const next = body as unknown as TicketsResponse
    if (next.promoError) {
      setError({
        message: refusalMessage(next.promoError.code, {}, context(next)),
        inputId: PROMO_INPUT_ID,
      })
      return
    }
    setOffer(next)
    if (!isTouched) setQuantities(initialQuantities(next.ticketTypes))
    if (!code) setCodeInput('')
  }

  async function submit(event: { preventDefault: () => void }) {
    event.preventDefault()
    if (totals.count === 0) return
    setIsBusy(true)
    setError(null)
    const items = buildItems(
      types,
      quantities,
      Object.fromEntries(slots.map((slot, index) => [slot.key, attendeeOf(slot.key, index + 1)])),
    )
    const order = { event: props.eventId, items, promoCode: offer.promo?.code }
    const path = totals.total > 0 ? '/api/site/checkout' : '/api/site/registrations'
    const { ok, body } = await send(path, { method: 'POST', body: JSON.stringify(order) })
    if (ok && typeof body.url === 'string') {
      window.location.assign(body.url)
      return
    }
    setIsBusy(false)
    if (ok) {
      props.onConfirmed(totals.count)
      return
    }
    if (body.code === 'EVENT_FULL') props.onFull()
    const inputId =
      fieldInputId(body.data?.field, items) ??
      (typeof body.data?.ticketType === 'string' ? quantityInputId(body.data.ticketType) : null)
    setError({ message: refusalMessage(body.code, body.data, context(offer), body.error), inputId })
    // Stock moved under the visitor: show what is left now, and say how many in the message.
    if (body.code === 'TICKET_SOLD_OUT' || body.code === 'SALES_CLOSED') {
      const query = offer.promo ? `?code=${encodeURIComponent(offer.promo.code)}` : ''
      const fresh = await send(`/api/site/events/${props.eventId}/tickets${query}`)
      if (!fresh.ok) return
      const next = fresh.body as unknown as TicketsResponse
      setOffer(next)
      const left = next.ticketTypes.find((type) => type.id === body.data?.ticketType)
      if (body.code === 'TICKET_SOLD_OUT' && left) {
        // The order shrinks to what is left, and the visitor confirms it again.
        const kept = quantityOptions(left).filter((count) => count <= (quantities[left.id] ?? 0))
        setQuantities({ ...quantities, [left.id]: kept[kept.length - 1] ?? 0 })
        const data = { ...body.data, available: left.available }
        const message = refusalMessage(body.code, data, context(next))
        setError({
          message:
            left.available > 0
              ? `${message} Your order now has ${kept[kept.length - 1] ?? 0}; check it and confirm again.`
              : message,
          inputId,
        })
      }
    }
  }

  const invalid = (id: string) =>
    error?.inputId === id ? { 'aria-invalid': true, 'aria-describedby': 'checkout-error' } : {}
  const price = (minor: number) => money(minor, currency)
  const submitLabel =
    totals.count === 0
      ? 'Choose tickets'
      : totals.total === 0
        ? totals.count === 1
          ? 'Register for free'
          : `Register ${totals.count} tickets for free`
        : totals.count === 1
          ? `Buy ticket · ${price(totals.total)}`
          : `Buy ${totals.count} tickets · ${price(totals.total)}`

  return (
    <form ref={formRef} className="order-form" onSubmit={submit} aria-label="Book tickets">
      <fieldset>
        <legend>Tickets</legend>
        <ul className="list-plain ticket-picks">
          {types.map((type) => {
            const stock = availabilityLabel(type)
            const options = quantityOptions(type)
            return (
              <li key={type.id}>
                <span>
                  <strong>{type.name}</strong>
                  {type.hidden && <span className="badge">Unlocked</span>}{' '}
                  {type.discountedPrice < type.price ? (
                    <>
                      <s>{price(type.price)}</s> {price(type.discountedPrice)}
                    </>
                  ) : (
                    price(type.price)
                  )}
                  {stock && <span className="muted"> · {stock}</span>}
                  {type.salesState === 'not_open' && (
                    <span className="muted"> · Not on sale yet</span>
                  )}
                  {type.salesState === 'closed' && <span className="muted"> · Sales closed</span>}
                </span>
                {isOnSale(type) && (
                  <select
                    id={quantityInputId(type.id)}
                    aria-label={`Number of ${type.name} tickets`}
                    value={String(quantities[type.id] ?? 0)}
                    onChange={(event) => {
                      setIsTouched(true)
                      setQuantities({ ...quantities, [type.id]: Number(event.currentTarget.value) })
                    }}
                    {...invalid(quantityInputId(type.id))}
                  >
                    {options.map((count) => (
                      <option key={count} value={count}>
                        {count}
                      </option>
                    ))}
                  </select>
                )}
              </li>
            )
          })}
        </ul>
      </fieldset>
      <div className="promo">
        <label htmlFor={PROMO_INPUT_ID}>Promo code</label>
        <div className="inline">
          <input
            id={PROMO_INPUT_ID}
            type="text"
            autoComplete="off"
            maxLength={64}
            value={codeInput}
            onInput={(event) => setCodeInput(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter applies the code rather than placing the order.
              if (event.key === 'Enter') {
                event.preventDefault()
                void applyCode(codeInput.trim())
              }
            }}
            {...invalid(PROMO_INPUT_ID)}
          />
          <button
            type="button"
            className="secondary"
            disabled={isBusy || !props.isHydrated || codeInput.trim() === ''}
            onClick={() => applyCode(codeInput.trim())}
          >
            Apply
          </button>
        </div>
        {offer.promo && (
          <p role="status">
            Code <strong>{offer.promo.code}</strong>: {promoLabel(offer.promo, currency)}.{' '}
            <button type="button" className="link" onClick={() => applyCode('')}>
              Remove code
            </button>
          </p>
        )}
      </div>
      {slots.map((slot, index) => (
        <AttendeeFields
          key={slot.key}
          slot={slot}
          number={index + 1}
          attendee={attendeeOf(slot.key, index + 1)}
          questions={offer.questions}
          invalidId={error?.inputId ?? null}
          onChange={(attendee) => setAttendees({ ...attendees, [slot.key]: attendee })}
        />
      ))}
      {totals.count > 0 && (
        <dl className="facts totals" aria-live="polite">
          {totals.discount > 0 && (
            <>
              <dt>Subtotal</dt>
              <dd>{price(totals.subtotal)}</dd>
              <dt>Discount ({offer.promo?.code})</dt>
              <dd>−{price(totals.discount)}</dd>
            </>
          )}
          <dt>Total</dt>
          <dd>
            <strong>{price(totals.total)}</strong>
          </dd>
        </dl>
      )}
      <button type="submit" disabled={isBusy || !props.isHydrated || totals.count === 0}>
        {submitLabel}
      </button>
      {isBusy && (
        <p role="status" className="muted">
          Working…
        </p>
      )}
      {error && (
        <p id="checkout-error" role="alert" className="notice error">
          {error.message}
        </p>
      )}
    </form>
  )
}

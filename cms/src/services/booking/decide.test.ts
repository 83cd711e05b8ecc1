import { describe, expect, it } from 'vitest'

import { decideBooking } from './decide'
import { canTransition } from './transitions'

const now = new Date('2031-01-01T10:00:00Z')
const event = {
  status: 'published' as const,
  price: 1500,
  currency: 'EUR' as const,
  capacity: 2,
  startTime: '2031-01-02T10:00:00Z',
  duration: 60,
}
const inAnHour = '2031-01-01T11:00:00Z'
const anHourAgo = '2031-01-01T09:00:00Z'
const codeOf = (decision: ReturnType<typeof decideBooking>) =>
  'refusal' in decision ? decision.refusal.code : decision.option

describe('decideBooking: can this person book this event now', () => {
  it('sends a paid event to checkout and a free one to registration while seats are free', () => {
    expect(codeOf(decideBooking({ event, existing: undefined, seatsTaken: 1, now }))).toBe(
      'checkout',
    )
    expect(
      codeOf(
        decideBooking({ event: { ...event, price: 0 }, existing: undefined, seatsTaken: 1, now }),
      ),
    ).toBe('register')
  })

  it('offers the waitlist when every seat is taken, but lets a live hold pay for its seat', () => {
    expect(codeOf(decideBooking({ event, existing: undefined, seatsTaken: 2, now }))).toBe(
      'join_waitlist',
    )
    for (const status of ['pending', 'offered'] as const) {
      const live = { status, holdExpiresAt: inAnHour }
      expect(codeOf(decideBooking({ event, existing: live, seatsTaken: 2, now }))).toBe(
        'pay_held_seat',
      )
      const lapsed = { status, holdExpiresAt: anHourAgo }
      expect(codeOf(decideBooking({ event, existing: lapsed, seatsTaken: 2, now }))).toBe(
        'join_waitlist',
      )
    }
  })

  it('refuses with a code: registered, waitlisted, not published, cancelled, ended', () => {
    const decide = (fields: object, existing?: object) =>
      decideBooking({
        event: { ...event, ...fields },
        existing: existing as never,
        seatsTaken: 0,
        now,
      })
    expect(codeOf(decide({}, { status: 'confirmed' }))).toBe('ALREADY_REGISTERED')
    expect(codeOf(decide({}, { status: 'waitlisted' }))).toBe('ON_WAITLIST')
    expect(codeOf(decide({ status: 'draft' }))).toBe('EVENT_NOT_BOOKABLE')
    expect(codeOf(decide({ status: 'cancelled' }))).toBe('EVENT_NOT_BOOKABLE')
    expect(codeOf(decide({ startTime: '2031-01-01T08:00:00Z' }))).toBe('EVENT_NOT_BOOKABLE')
    // A registration that ended may start again.
    expect(codeOf(decide({}, { status: 'cancelled' }))).toBe('checkout')
  })
})

describe('the registration transition table', () => {
  it('allows the booking moves and refuses the rest', () => {
    expect(canTransition('new', 'pending')).toBe(true)
    expect(canTransition('pending', 'confirmed')).toBe(true)
    expect(canTransition('waitlisted', 'offered')).toBe(true)
    expect(canTransition('offered', 'expired')).toBe(true)
    expect(canTransition('confirmed', 'cancelled')).toBe(true)
    expect(canTransition('confirmed', 'pending')).toBe(false)
    expect(canTransition('confirmed', 'waitlisted')).toBe(false)
    expect(canTransition('waitlisted', 'pending')).toBe(false)
    expect(canTransition('new', 'offered')).toBe(false)
    expect(canTransition('cancelled', 'offered')).toBe(false)
  })
})

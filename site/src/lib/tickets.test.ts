import { BOOKING_ERROR_CODES, type TicketTypeOffer } from '@event-portal/cms/contract'
import { describe, expect, it } from 'vitest'

import { formatInZone, formatPrice, formatTime } from './format'
import { clock, inZone, money } from './islandFormat'
import {
  attendeeSlots,
  availabilityLabel,
  buildItems,
  fieldInputId,
  initialQuantities,
  orderTotals,
  promoLabel,
  quantityOptions,
  refusalMessage,
} from './tickets'

function type(overrides: Partial<TicketTypeOffer>): TicketTypeOffer {
  return {
    id: 'std',
    name: 'Standard',
    description: null,
    price: 2500,
    discountedPrice: 2500,
    currency: 'EUR',
    quantity: 100,
    available: 50,
    isSoldOut: false,
    salesStart: null,
    salesEnd: null,
    salesState: 'open',
    minPerOrder: 1,
    maxPerOrder: 10,
    hidden: false,
    ...overrides,
  }
}

const standard = type({})
const vip = type({ id: 'vip', name: 'VIP', price: 9000, discountedPrice: 9000 })
const context = {
  types: [standard, vip],
  questions: [
    { id: 'q1', label: 'T-shirt', kind: 'single' as const, options: ['S', 'M'], required: true },
  ],
  timezone: 'Europe/Berlin',
}

describe('quantities', () => {
  it('offers none, or the minimum up to the maximum per order', () => {
    expect(quantityOptions(type({ minPerOrder: 2, maxPerOrder: 4 }))).toEqual([0, 2, 3, 4])
  })

  it('never offers more than are left', () => {
    expect(quantityOptions(type({ available: 2 }))).toEqual([0, 1, 2])
  })

  it('offers nothing for a type that is sold out or outside its sales window', () => {
    expect(quantityOptions(type({ isSoldOut: true, available: 0 }))).toEqual([0])
    expect(quantityOptions(type({ salesState: 'not_open' }))).toEqual([0])
    expect(quantityOptions(type({ salesState: 'closed' }))).toEqual([0])
  })

  it('starts at one ticket only when the event has a single type on sale', () => {
    expect(initialQuantities([standard])).toEqual({ std: 1 })
    expect(initialQuantities([type({ minPerOrder: 2 })])).toEqual({ std: 2 })
    expect(initialQuantities([standard, vip])).toEqual({})
    expect(initialQuantities([type({ isSoldOut: true, available: 0 })])).toEqual({})
  })

  it('says "3 left" when few are, and "Sold out"', () => {
    expect(availabilityLabel(type({ available: 3 }))).toBe('3 left')
    expect(availabilityLabel(type({ available: 0, isSoldOut: true }))).toBe('Sold out')
    expect(availabilityLabel(type({ available: 40 }))).toBeNull()
  })
})

describe('totals', () => {
  it('adds price × quantity and shows the code’s discount before paying', () => {
    const discounted = [type({ discountedPrice: 2000 }), vip]
    expect(orderTotals(discounted, { std: 2, vip: 1 })).toEqual({
      count: 3,
      subtotal: 14000,
      discount: 1000,
      total: 13000,
    })
  })

  it('is zero for no tickets', () => {
    expect(orderTotals([standard], {})).toEqual({ count: 0, subtotal: 0, discount: 0, total: 0 })
  })
})

describe('the order body', () => {
  it('has one attendee per ticket, in type order, without unanswered optional questions', () => {
    const quantities = { vip: 1, std: 2 }
    expect(attendeeSlots([standard, vip], quantities).map((slot) => slot.key)).toEqual([
      'std:0',
      'std:1',
      'vip:0',
    ])
    const items = buildItems([standard, vip], quantities, {
      'std:0': { name: ' Ada ', email: 'ada@x.test', answers: { q1: 'M', q2: '', q3: false } },
      'std:1': { name: 'Alan', email: 'alan@x.test', answers: { q4: [] } },
      'vip:0': { name: 'Grace', email: 'grace@x.test', answers: { q5: true, q6: ['a'] } },
    })
    expect(items).toEqual([
      {
        ticketType: 'std',
        quantity: 2,
        attendees: [
          { name: 'Ada', email: 'ada@x.test', answers: { q1: 'M' } },
          { name: 'Alan', email: 'alan@x.test', answers: {} },
        ],
      },
      {
        ticketType: 'vip',
        quantity: 1,
        attendees: [{ name: 'Grace', email: 'grace@x.test', answers: { q5: true, q6: ['a'] } }],
      },
    ])
  })

  it('maps a refusal’s field back to the input that holds it', () => {
    const items = buildItems([standard, vip], { std: 1, vip: 2 }, {})
    expect(fieldInputId('items.1.attendees.1.answers.q1', items)).toBe('attendee-vip-1-q-q1')
    expect(fieldInputId('items.0.attendees.0.email', items)).toBe('attendee-std-0-email')
    expect(fieldInputId('items.1.quantity', items)).toBe('quantity-vip')
    expect(fieldInputId('items.1', items)).toBe('quantity-vip')
    expect(fieldInputId('promoCode', items)).toBe('promo-code')
    expect(fieldInputId('items.5.quantity', items)).toBeNull()
    expect(fieldInputId(undefined, items)).toBeNull()
  })
})

describe('refusals in words, by code', () => {
  it('names the type and what is left', () => {
    expect(refusalMessage('TICKET_SOLD_OUT', { ticketType: 'vip', available: 0 }, context)).toBe(
      'VIP is sold out.',
    )
    expect(refusalMessage('TICKET_SOLD_OUT', { ticketType: 'std', available: 2 }, context)).toBe(
      'Only 2 Standard tickets are left.',
    )
  })

  it('gives the sales window in the event’s zone, named', () => {
    expect(
      refusalMessage(
        'SALES_NOT_OPEN',
        { ticketType: 'vip', salesStart: '2026-12-24T09:00:00.000Z' },
        context,
      ),
    ).toBe(
      'Sales for VIP open on Thursday, 24 December 2026 at 10:00 CET (Central European Standard Time).',
    )
    expect(refusalMessage('SALES_CLOSED', { ticketType: 'vip' }, context)).toBe(
      'Sales for VIP have closed.',
    )
  })

  it('explains order limits, codes and questions', () => {
    expect(
      refusalMessage('ORDER_LIMIT', { ticketType: 'std', minPerOrder: 2, maxPerOrder: 4 }, context),
    ).toBe('Standard: choose between 2 and 4 tickets per order.')
    expect(refusalMessage('PROMO_INVALID', {}, context)).toBe(
      'This promo code is not valid for these tickets.',
    )
    expect(refusalMessage('PROMO_EXHAUSTED', {}, context)).toBe('This promo code has been used up.')
    expect(refusalMessage('ANSWER_REQUIRED', { question: 'q1' }, context)).toBe(
      'Please answer “T-shirt” with one of its choices.',
    )
  })

  it('has words for every code the cms exports, and the server’s words for anything else', () => {
    for (const code of BOOKING_ERROR_CODES) {
      expect(refusalMessage(code, {}, context, 'FALLBACK')).not.toBe('FALLBACK')
    }
    expect(refusalMessage('SOMETHING_NEW', {}, context, 'The server says no.')).toBe(
      'The server says no.',
    )
    expect(refusalMessage(undefined, undefined, context)).toBe(
      'Something went wrong. Please try again.',
    )
  })

  it('describes what a code does', () => {
    expect(promoLabel({ kind: 'percent', percentOff: 20, amountOff: null }, 'EUR')).toBe('20% off')
    expect(promoLabel({ kind: 'amount', percentOff: null, amountOff: 500 }, 'EUR')).toBe(
      '€5.00 off each ticket',
    )
    expect(promoLabel({ kind: 'unlock', percentOff: null, amountOff: null }, 'EUR')).toBe(
      'unlocks hidden tickets',
    )
  })
})

describe('the island’s own formatting', () => {
  it('writes prices and times exactly as the pages do', () => {
    for (const [minor, currency] of [
      [0, 'EUR'],
      [2500, 'EUR'],
      [9000, 'USD'],
      [1500, 'JPY'],
    ] as const) {
      expect(money(minor, currency)).toBe(formatPrice(minor, currency))
    }
    for (const zone of ['Europe/Berlin', 'America/New_York', 'UTC']) {
      expect(inZone('2026-07-01T09:30:00.000Z', zone)).toBe(
        formatInZone('2026-07-01T09:30:00.000Z', zone),
      )
    }
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      for (const iso of ['2026-07-01T09:30:00.000Z', '2026-12-24T18:05:00.000Z']) {
        expect(clock(iso, zone)).toBe(formatTime('clock', iso, zone))
      }
    }
  })
})

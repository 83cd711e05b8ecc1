import { describe, expect, it } from 'vitest'

import { isHeldBy, ordersOf } from './orderGroups'
import type { CmsEvent, Registration } from './schemas'

const event = { id: 1, title: 'Conf', slug: 'conf' } as CmsEvent
const payment = { id: 9, amount: 9200, discount: 2300, promoCode: 'EARLY20' }
const ticket = (id: number, fields: Partial<Registration>) =>
  ({ id, status: 'confirmed', event, ...fields }) as Registration & { event: CmsEvent }

describe('orders in /account', () => {
  const rows = [
    ticket(1, { orderId: 'a', buyer: 7, user: 7, payment, attendeeName: 'Ada' }),
    ticket(2, { orderId: 'a', buyer: 7, user: null, payment, attendeeName: 'Alan' }),
    ticket(3, { orderId: 'b', buyer: 7, user: 7 }),
    ticket(4, { orderId: 'c', buyer: 8, user: 7 }),
    ticket(5, { user: 7 }),
  ]

  it('lists the whole order bought by the visitor, with who has claimed their ticket', () => {
    const orders = ordersOf(rows, 7)
    expect(orders).toHaveLength(1)
    expect(orders[0]!.payment).toEqual(payment)
    expect(orders[0]!.tickets.map((item) => [item.attendeeName, item.isClaimed])).toEqual([
      ['Ada', true],
      ['Alan', false],
    ])
  })

  it('leaves a single ticket for oneself, and tickets others bought, to the plain list', () => {
    expect(ordersOf([rows[2]!, rows[3]!, rows[4]!], 7)).toEqual([])
  })

  it('counts as one’s own only the tickets one holds', () => {
    expect(rows.map((row) => isHeldBy(row, 7))).toEqual([true, false, true, true, true])
    expect(isHeldBy(ticket(6, { user: { id: 7 } }), 7)).toBe(true)
  })
})

import type { CmsEvent, Payment, Registration } from './schemas'

const idOf = (value: Registration['user']) =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

/**
 * Whether the ticket is this person's own: they hold it (a legacy registration has only its
 * `user`). A ticket bought for someone else who has not claimed it yet has no holder.
 */
export function isHeldBy(registration: Registration, userId: number): boolean {
  return idOf(registration.user) === userId
}

export type OrderTicket = Registration & { isClaimed: boolean }
export type Order = {
  orderId: string
  event: CmsEvent
  tickets: OrderTicket[]
  payment: Payment | null
}

/**
 * The orders this person bought that hold several tickets or tickets for others (a single
 * ticket for oneself reads fine in the plain list), in the order of /registrations/me.
 */
export function ordersOf(
  registrations: (Registration & { event: CmsEvent })[],
  userId: number,
): Order[] {
  const orders = new Map<string, Order>()
  for (const registration of registrations) {
    if (!registration.orderId || idOf(registration.buyer) !== userId) continue
    let order = orders.get(registration.orderId)
    if (!order) {
      order = {
        orderId: registration.orderId,
        event: registration.event,
        tickets: [],
        payment: null,
      }
      orders.set(registration.orderId, order)
    }
    order.tickets.push({ ...registration, isClaimed: idOf(registration.user) !== null })
    if (!order.payment && registration.payment && typeof registration.payment === 'object') {
      order.payment = registration.payment
    }
  }
  return [...orders.values()].filter(
    (order) =>
      order.tickets.length > 1 || order.tickets.some((ticket) => !isHeldBy(ticket, userId)),
  )
}

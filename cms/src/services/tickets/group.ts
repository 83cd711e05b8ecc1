import type { PayloadRequest } from 'payload'

import type { Registration } from '../../payload-types'
import { lockRegistration } from '../booking/registrations'
import { slugs } from '../../plugin/settings'

/**
 * The other tickets one payment bought (a group order), each locked until the transaction ends,
 * in id order. A single-ticket payment has none.
 */
export async function lockOtherTickets(
  req: PayloadRequest,
  paymentId: number,
  exceptId: number,
): Promise<Registration[]> {
  const { docs } = await req.payload.find({
    collection: slugs.registrations,
    where: { and: [{ payment: { equals: paymentId } }, { id: { not_equals: exceptId } }] },
    sort: 'id',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const locked: Registration[] = []
  for (const doc of docs) locked.push(await lockRegistration(req, doc.id))
  return locked
}

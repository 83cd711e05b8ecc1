import type { CollectionBeforeChangeHook } from 'payload'

import { RequestError } from '../../../lib/errors'
import type { Event } from '../../../payload-types'
import { countLapsedHolds, lockSeatCounter, seatsTaken } from '../../../services/booking/seats'

export const CAPACITY_BELOW_TAKEN = 'CAPACITY_BELOW_TAKEN'

/**
 * Capacity can be lowered only down to the seats already taken (confirmed
 * plus live holds): nobody's seat disappears. The event's seat counter is
 * locked first, so a registration cannot slip in between the count and the change.
 */
export const refuseCapacityBelowTaken: CollectionBeforeChangeHook<Event> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !originalDoc || typeof data.capacity !== 'number') return data
  if (data.capacity >= originalDoc.capacity) return data
  const counted = req.transactionID
    ? await lockSeatCounter(req, originalDoc.id)
    : await seatsTaken(req, originalDoc.id)
  // Lapsed holds still sit in the counter until the expiry job frees them; they are nobody's seat.
  const taken = counted - (await countLapsedHolds(req, originalDoc.id))
  if (data.capacity < taken) {
    throw new RequestError(
      `Capacity cannot be lower than the ${taken} seat${taken === 1 ? '' : 's'} already taken.`,
      400,
      { code: CAPACITY_BELOW_TAKEN, path: 'capacity', taken },
    )
  }
  return data
}

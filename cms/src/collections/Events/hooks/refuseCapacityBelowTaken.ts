import type { CollectionBeforeChangeHook } from 'payload'

import { RequestError } from '../../../lib/errors'
import type { Event } from '../../../payload-types'
import { countTakenSeats } from '../../../services/seats'
import { lockEventRow } from '../../../services/transaction'

export const CAPACITY_BELOW_TAKEN = 'CAPACITY_BELOW_TAKEN'

/**
 * Capacity can be lowered only down to the seats already taken (confirmed
 * plus live holds): nobody's seat disappears. The event's row is locked first,
 * so a registration cannot slip in between the count and the change.
 */
export const refuseCapacityBelowTaken: CollectionBeforeChangeHook<Event> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !originalDoc || typeof data.capacity !== 'number') return data
  if (data.capacity >= originalDoc.capacity) return data
  if (req.transactionID) await lockEventRow(req, originalDoc.id)
  const taken = await countTakenSeats(req, originalDoc.id)
  if (data.capacity < taken) {
    throw new RequestError(
      `Capacity cannot be lower than the ${taken} seat${taken === 1 ? '' : 's'} already taken.`,
      400,
      { code: CAPACITY_BELOW_TAKEN, path: 'capacity', taken },
    )
  }
  return data
}

import type { PayloadRequest } from 'payload'

import type { Event } from '../../payload-types'
import { findVisibleEvent } from '../bookableEvent'
import { RequestError } from '../../lib/errors'
import { bookingError } from './errors'

/** The event if the caller may see it; EVENT_NOT_FOUND (404) otherwise. */
export async function findEventToBook(req: PayloadRequest, eventId: number): Promise<Event> {
  try {
    return await findVisibleEvent(req, eventId)
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) {
      throw bookingError('EVENT_NOT_FOUND', 'No such event.')
    }
    throw error
  }
}

import type { Payload } from 'payload'

import { expireLapsedHolds } from '../../services/booking'
import type { JobData } from '../definitions'

export async function expireHolds(
  payload: Payload,
  _data: JobData<'expire-holds'>,
): Promise<{ expired: number }> {
  return { expired: await expireLapsedHolds(payload) }
}

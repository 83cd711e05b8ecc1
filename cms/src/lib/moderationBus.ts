import { parseEnv } from '../env'
import { readyRedis } from './redis'

/** What the realtime nodes need to apply a moderation decision to the live rooms. */
export type ModerationNotice = {
  eventId: number
  action: string
  userId?: number
  messageId?: number
  until?: string
}

/** The channel the realtime gateway subscribes to (its own key prefix + "moderation"). */
export const moderationChannel = () => `${parseEnv(process.env).REALTIME_KEY_PREFIX}moderation`

/**
 * Tells every realtime node about a decision. The decision is already stored;
 * if Redis is away the live rooms learn it when people rejoin.
 */
export async function publishModeration(notice: ModerationNotice): Promise<boolean> {
  try {
    const redis = await readyRedis()
    await redis.publish(moderationChannel(), JSON.stringify(notice))
    return true
  } catch {
    return false
  }
}

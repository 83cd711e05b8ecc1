import { useEffect } from 'react'

const BEAT_EVERY_MS = 30_000
/** Ask for a new stream token this long before the current one expires. */
const RENEW_BEFORE_MS = 2 * 60_000

type Grant = { token: string; expiresAt: number }

/**
 * Tells the CMS the viewer is watching, now and every 30 s while the page is
 * visible. Stream tokens live minutes; the player asks for a new one before
 * its token runs out, and cms checks the seat again each time.
 */
export function useHeartbeat(
  target: { eventId: number; token: string; tokenExpiresAt: string } | null,
) {
  const eventId = target?.eventId
  const token = target?.token
  const tokenExpiresAt = target?.tokenExpiresAt
  useEffect(() => {
    if (eventId === undefined || !token || !tokenExpiresAt) return
    let grant: Grant = { token, expiresAt: Date.parse(tokenExpiresAt) }
    const renew = async () => {
      const response = await fetch(`/api/site/events/${eventId}/stream`)
      if (!response.ok) return
      const body = (await response.json()) as { token: string; tokenExpiresAt: string }
      grant = { token: body.token, expiresAt: Date.parse(body.tokenExpiresAt) }
    }
    const beat = async () => {
      if (document.visibilityState !== 'visible') return
      if (grant.expiresAt - Date.now() < RENEW_BEFORE_MS) await renew()
      await fetch(`/api/site/events/${eventId}/attendance`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: grant.token }),
        keepalive: true,
      })
    }
    const beatQuietly = () => void beat().catch(() => {})
    beatQuietly()
    const timer = setInterval(beatQuietly, BEAT_EVERY_MS)
    return () => clearInterval(timer)
  }, [eventId, token, tokenExpiresAt])
}

import { useEffect } from 'react'

const BEAT_EVERY_MS = 30_000

/** Tells the CMS the viewer is watching, now and every 30 s while the page is visible. */
export function useHeartbeat(target: { eventId: number; token: string } | null) {
  const eventId = target?.eventId
  const token = target?.token
  useEffect(() => {
    if (eventId === undefined || !token) return
    const beat = () => {
      if (document.visibilityState !== 'visible') return
      void fetch(`/api/site/events/${eventId}/attendance`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
        keepalive: true,
      }).catch(() => {})
    }
    beat()
    const timer = setInterval(beat, BEAT_EVERY_MS)
    return () => clearInterval(timer)
  }, [eventId, token])
}

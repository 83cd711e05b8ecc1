import { useEffect, useState } from 'react'

type Props = { startIso: string; doorsOpenIso: string }

function remaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const parts = days > 0 ? [`${days} d`, `${hours} h`, `${minutes} min`] : []
  if (days === 0 && hours > 0) parts.push(`${hours} h`, `${minutes} min`)
  if (days === 0 && hours === 0) parts.push(`${minutes} min`, `${seconds} s`)
  return parts.join(' ')
}

/** Counts down to the start, and reloads the page when the doors open and when it starts. */
export default function Countdown({ startIso, doorsOpenIso }: Props) {
  const [now, setNow] = useState(() => Date.now())
  const start = Date.parse(startIso)
  const doorsOpen = Date.parse(doorsOpenIso)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  useEffect(() => {
    const crossed = (moment: number) => now >= moment && now - 1000 < moment
    if (crossed(doorsOpen) || crossed(start)) window.location.reload()
  }, [now, doorsOpen, start])
  return (
    <p className="countdown" role="timer" aria-live="off">
      Starts in <strong>{remaining(start - now)}</strong>
    </p>
  )
}

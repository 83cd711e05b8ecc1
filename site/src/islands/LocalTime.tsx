import { useEffect, useState } from 'react'

type Props = { iso: string; eventTimeZone: string }

/** The start time in the visitor's own zone, which only the browser knows. */
export default function LocalTime({ iso, eventTimeZone }: Props) {
  const [text, setText] = useState<string | null>(null)
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    if (zone === eventTimeZone) return
    const when = new Intl.DateTimeFormat(undefined, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'long',
    }).format(new Date(iso))
    setText(`${when} (${zone})`)
  }, [iso, eventTimeZone])
  if (!text) return null
  return (
    <p>
      <strong>Your time:</strong> <time dateTime={iso}>{text}</time>
    </p>
  )
}

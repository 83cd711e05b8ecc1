import type { Payload } from 'payload'

import type { Event, User } from '../payload-types'

/** What the live demo's chat said, and when (seconds after the start): the replay shows it in step. */
const replayChat: { at: number; kind: 'chat' | 'question'; author: number; message: string }[] = [
  { at: 2, kind: 'chat', author: 0, message: 'Hello everyone, the stream just started!' },
  { at: 6, kind: 'chat', author: 1, message: 'Sound and picture are fine here.' },
  { at: 11, kind: 'question', author: 2, message: 'Will the slides be shared afterwards?' },
  { at: 15, kind: 'chat', author: 0, message: 'Love the colour bars.' },
  { at: 21, kind: 'question', author: 1, message: 'How does the chat replay stay in sync?' },
  { at: 27, kind: 'chat', author: 2, message: 'Thanks, see you next time!' },
]

/** A one-page PDF, enough for the demo's "slides" download. */
function slidesPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 344] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${44 + text.length} >>\nstream\nBT /F1 28 Tf 40 170 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

/**
 * The streaming demo: every attendee holds a seat for the live event and the
 * recorded one, the live event has slides, and the recorded one its chat.
 */
export async function seedStreamingDemo(
  payload: Payload,
  { live, recorded, attendees }: { live: Event; recorded: Event; attendees: User[] },
): Promise<void> {
  for (const event of [live, recorded]) {
    for (const attendee of attendees) {
      await payload.create({
        collection: 'registrations',
        data: {
          user: attendee.id,
          event: event.id,
          status: 'confirmed',
          registeredAt: new Date().toISOString(),
        },
      })
    }
  }
  await payload.create({
    collection: 'media',
    data: { kind: 'material', event: live.id, alt: 'Slides: Hello from Event Portal' },
    file: {
      data: slidesPdf('Hello from Event Portal'),
      mimetype: 'application/pdf',
      name: 'hello-from-event-portal-slides.pdf',
      size: 0,
    },
  })
  const start = new Date(recorded.startTime).getTime()
  for (const line of replayChat) {
    const author = attendees[line.author % attendees.length]!
    await payload.create({
      collection: 'chat-messages',
      data: {
        event: recorded.id,
        user: author.id,
        authorName: author.name,
        kind: line.kind,
        message: line.message,
        sentAt: new Date(start + line.at * 1000).toISOString(),
      },
      overrideAccess: true,
    })
  }
}

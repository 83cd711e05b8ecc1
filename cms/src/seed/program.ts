import type { Payload } from 'payload'

import type { Category, Media, User } from '../payload-types'
import type { SessionKind } from '../services/program/agenda'
import { slugify } from '../fields/slug'
import { paragraphs } from './lexical'

const MINUTE = 60_000

export const PROGRAM_DEMO_TITLE = 'DevConf Live: Two Days, Two Tracks'

const speakers = [
  {
    name: 'Ada Byron',
    title: 'Principal Engineer',
    company: 'Analytical Engines',
    bio: 'Ada builds realtime systems and writes about making them boring.',
  },
  {
    name: 'Grace Navarro',
    title: 'Compiler Lead',
    company: 'Cobalt Labs',
    bio: 'Grace works on compilers and on teaching them to explain themselves.',
  },
  {
    name: 'Linus Okafor',
    title: 'Staff SRE',
    company: 'Kernel & Co',
    bio: 'Linus keeps large fleets running and small pagers quiet.',
  },
  {
    name: 'Margaret Chen',
    title: 'Head of Platform',
    company: 'Apollo Systems',
    bio: 'Margaret leads platform teams that ship software to places without retries.',
  },
  {
    name: 'Alan Duarte',
    title: 'Security Researcher',
    company: 'Enigma Works',
    bio: 'Alan breaks things for a living, and then fixes them.',
  },
  {
    name: 'Katherine Osei',
    title: 'Data Scientist',
    company: 'Orbit Analytics',
    bio: 'Katherine turns trajectories into dashboards people actually read.',
  },
] as const

type DemoSession = {
  title: string
  track: 'Main stage' | 'Room B'
  kind: SessionKind
  /** Minutes from the start of the current half hour when the seed runs; negative is past. */
  from: number
  to: number
  speakers: number[]
}

// Day one was yesterday (all recorded); day two is today: one session is live on each track
// when the seed runs, and the next begins within half an hour, so the watch page switches.
const sessions: DemoSession[] = [
  {
    title: 'Opening keynote: Boring realtime',
    track: 'Main stage',
    kind: 'keynote',
    from: -26 * 60,
    to: -25 * 60,
    speakers: [0],
  },
  {
    title: 'Compilers that explain themselves',
    track: 'Main stage',
    kind: 'talk',
    from: -25 * 60,
    to: -24 * 60,
    speakers: [1],
  },
  {
    title: 'Workshop: Incident drills',
    track: 'Room B',
    kind: 'workshop',
    from: -26 * 60,
    to: -24.5 * 60,
    speakers: [2],
  },
  {
    title: 'Platforms without retries',
    track: 'Main stage',
    kind: 'talk',
    from: -120,
    to: -60,
    speakers: [3],
  },
  { title: 'Coffee break', track: 'Main stage', kind: 'break', from: -60, to: -30, speakers: [] },
  {
    title: 'Threat modelling in an hour',
    track: 'Room B',
    kind: 'workshop',
    from: -90,
    to: -30,
    speakers: [4],
  },
  {
    title: 'Live: Dashboards people read',
    track: 'Main stage',
    kind: 'talk',
    from: -30,
    to: 30,
    speakers: [5],
  },
  {
    title: 'Panel: On-call without tears',
    track: 'Room B',
    kind: 'panel',
    from: -30,
    to: 30,
    speakers: [2, 3, 0],
  },
  {
    title: 'Up next: Secure defaults',
    track: 'Main stage',
    kind: 'talk',
    from: 30,
    to: 90,
    speakers: [4],
  },
  {
    title: 'Ask the compiler team',
    track: 'Room B',
    kind: 'panel',
    from: 30,
    to: 90,
    speakers: [1, 5],
  },
  {
    title: 'Closing keynote: What we learned',
    track: 'Main stage',
    kind: 'keynote',
    from: 90,
    to: 150,
    speakers: [0, 3],
  },
]

const questions = [
  { session: 3, after: 10, author: 0, message: 'Which retries do you keep, if any?' },
  { session: 3, after: 25, author: 1, message: 'How do you test the no-retry path?' },
  { session: 5, after: 15, author: 2, message: 'Is there a checklist we can take home?' },
]

/**
 * The program demo: a two-day, two-track conference (Europe/Berlin) with six speakers, a break,
 * sessions live when the seed runs, recordings on the past ones (the demo video), the demo
 * attendees registered and a few questions asked in past sessions for the archive.
 */
export async function seedProgramDemo(
  payload: Payload,
  {
    organizer,
    attendees,
    category,
    image,
    demoVideoUrl,
  }: {
    organizer: User
    attendees: User[]
    category: Category
    image: Media
    demoVideoUrl: string
  },
): Promise<void> {
  const halfHour = 30 * MINUTE
  const base = Math.floor(Date.now() / halfHour) * halfHour
  const first = Math.min(...sessions.map((session) => session.from))
  const last = Math.max(...sessions.map((session) => session.to))
  const event = await payload.create({
    collection: 'events',
    data: {
      title: PROGRAM_DEMO_TITLE,
      slug: 'devconf-live-two-days-two-tracks',
      description: paragraphs(
        'Two days, two tracks: talks, workshops and panels on building dependable software.',
        'Star the sessions you want on your agenda and subscribe to your personal calendar feed.',
      ),
      startTime: new Date(base + first * MINUTE).toISOString(),
      duration: last - first,
      timezone: 'Europe/Berlin',
      price: 0,
      currency: 'EUR',
      capacity: 500,
      status: 'published',
      videoUrl: demoVideoUrl,
      recordingUrl: demoVideoUrl,
      organizer: organizer.id,
      category: category.id,
      image: image.id,
    },
  })
  const speakerIds: number[] = []
  for (const speaker of speakers) {
    const created = await payload.create({
      collection: 'speakers',
      data: {
        ...speaker,
        slug: slugify(speaker.name),
        links: [{ label: 'Website', url: 'https://example.com/' }],
      },
    })
    speakerIds.push(created.id)
  }
  const sessionDocs = []
  for (const [index, session] of sessions.entries()) {
    const isPast = session.to <= 0
    sessionDocs.push(
      await payload.create({
        collection: 'sessions',
        data: {
          event: event.id,
          title: session.title,
          description: paragraphs(`${session.title}, in ${session.track}.`),
          startTime: new Date(base + session.from * MINUTE).toISOString(),
          endTime: new Date(base + session.to * MINUTE).toISOString(),
          track: session.track,
          kind: session.kind,
          order: index,
          speakers: session.speakers.map((speaker) => speakerIds[speaker]!),
          ...(isPast && session.kind !== 'break' ? { recordingUrl: demoVideoUrl } : {}),
        },
      }),
    )
  }
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
  for (const question of questions) {
    const session = sessionDocs[question.session]!
    const author = attendees[question.author % attendees.length]!
    await payload.create({
      collection: 'chat-messages',
      data: {
        event: event.id,
        session: session.id,
        user: author.id,
        authorName: author.name,
        kind: 'question',
        message: question.message,
        sentAt: new Date(Date.parse(session.startTime) + question.after * MINUTE).toISOString(),
      },
    })
  }
  payload.logger.info(
    `Seeded the program demo: ${sessionDocs.length} sessions, ${speakerIds.length} speakers.`,
  )
}

import type { Payload } from 'payload'

import { env } from '../env'
import type { Category, User } from '../payload-types'
import { slugify } from '../fields/slug'
import { demoCategories } from './categories'
import { demoEvents } from './events'
import { coverImage } from './images'
import { paragraphs } from './lexical'
import { PROGRAM_DEMO_TITLE, seedProgramDemo } from './program'
import { seedStreamingDemo } from './streaming'
import { demoUsers } from './users'

const HOUR = 60 * 60 * 1000

/** True when the database already holds users: the seed runs once, on an empty database. */
export async function isSeeded(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  return totalDocs > 0
}

/** Creates the demo data set. System writes: no user, so the workflow rules are not in the way. */
export async function seed(payload: Payload): Promise<void> {
  const users = new Map<string, User>()
  for (const { password, ...user } of demoUsers) {
    users.set(
      user.email,
      await payload.create({ collection: 'users', data: { ...user, password } }),
    )
  }

  const categories = new Map<string, Category>()
  for (const { name, slug } of demoCategories) {
    categories.set(slug, await payload.create({ collection: 'categories', data: { name, slug } }))
  }

  const now = Date.now()
  const demoVideoUrl = new URL('/demo/stream.webm', env.SITE_URL).href
  const events = []
  for (const event of demoEvents) {
    const color = demoCategories.find((category) => category.slug === event.category)!.color
    const image = await payload.create({
      collection: 'media',
      data: { alt: `Cover for ${event.title}`, kind: 'image' },
      file: {
        data: await coverImage(event.title, color),
        mimetype: 'image/png',
        name: `${slugify(event.title)}.png`,
        size: 0,
      },
    })
    const { summary, startsInHours, category, organizer, demoVideo, ...fields } = event
    events.push(
      await payload.create({
        collection: 'events',
        data: {
          ...fields,
          ...(demoVideo === 'live' ? { videoUrl: demoVideoUrl } : {}),
          ...(demoVideo === 'recording'
            ? { videoUrl: demoVideoUrl, recordingUrl: demoVideoUrl }
            : {}),
          slug: slugify(event.title),
          description: paragraphs(summary, 'Join online from anywhere. Questions welcome.'),
          startTime: new Date(now + startsInHours * HOUR).toISOString(),
          image: image.id,
          category: categories.get(category)!.id,
          organizer: users.get(organizer)!.id,
        },
      }),
    )
  }

  // Fill the small event so the demo shows "sold out" and its waitlist.
  const small = events.find((event) => event.capacity === 3)!
  const attendees = demoUsers.filter((user) => user.role === 'user')
  for (const attendee of attendees) {
    await payload.create({
      collection: 'registrations',
      data: {
        user: users.get(attendee.email)!.id,
        event: small.id,
        status: 'confirmed',
        registeredAt: new Date().toISOString(),
      },
    })
  }
  const free = events.find(
    (event, i) => event.status === 'published' && event.price === 0 && !demoEvents[i]!.demoVideo,
  )!
  await payload.create({
    collection: 'registrations',
    data: {
      user: users.get('alice@example.com')!.id,
      event: free.id,
      status: 'confirmed',
      registeredAt: new Date().toISOString(),
    },
  })

  await seedStreamingDemo(payload, {
    live: events[demoEvents.findIndex((event) => event.demoVideo === 'live')]!,
    recorded: events[demoEvents.findIndex((event) => event.demoVideo === 'recording')]!,
    attendees: attendees.map((attendee) => users.get(attendee.email)!),
  })

  const programCover = await payload.create({
    collection: 'media',
    data: { alt: `Cover for ${PROGRAM_DEMO_TITLE}`, kind: 'image' },
    file: {
      data: await coverImage(PROGRAM_DEMO_TITLE, '#2563eb'),
      mimetype: 'image/png',
      name: 'devconf-live-two-days-two-tracks.png',
      size: 0,
    },
  })
  await seedProgramDemo(payload, {
    organizer: users.get('olivia@example.com')!,
    attendees: attendees.map((attendee) => users.get(attendee.email)!),
    category: categories.get('technology')!,
    image: programCover,
    demoVideoUrl,
  })

  await payload.create({
    collection: 'pages',
    data: {
      title: 'About Event Portal',
      slug: 'about',
      _status: 'published',
      content: paragraphs(
        'Event Portal is an open-source home for online events.',
        'Find an event, register in a click, and watch, chat and ask questions live.',
      ),
    },
  })
  payload.logger.info(`Seeded ${users.size} users, ${events.length} events.`)
}

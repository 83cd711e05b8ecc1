import { describe, expect, it } from 'vitest'

import type { Session } from './program'
import type { CmsEvent } from './schemas'
import { eventJsonLd } from './seo'

const event: CmsEvent = {
  id: 7,
  title: 'Program Conf',
  slug: 'program-conf',
  startTime: '2026-06-10T07:00:00Z',
  duration: 600,
  timezone: 'Europe/Berlin',
  price: 0,
  currency: 'EUR',
  capacity: 100,
  status: 'published',
  updatedAt: '2026-05-01T00:00:00Z',
}
const ada = { id: 1, name: 'Ada Lovelace', slug: 'ada-lovelace' }
const grace = { id: 2, name: 'Grace Hopper', slug: 'grace-hopper' }
const inEvent = {
  event: { id: 7, title: 'Program Conf', slug: 'program-conf' },
  timezone: 'Europe/Berlin',
}
const sessions: Session[] = [
  {
    ...inEvent,
    id: 12,
    title: 'Scaling chat',
    startTime: '2026-06-10T09:00:00Z',
    endTime: '2026-06-10T09:45:00Z',
    track: 'Main stage',
    kind: 'talk',
    speakers: [grace],
  },
  {
    ...inEvent,
    id: 11,
    title: 'Opening keynote',
    startTime: '2026-06-10T07:00:00Z',
    endTime: '2026-06-10T08:00:00Z',
    track: 'Main stage',
    kind: 'keynote',
    speakers: [ada, grace],
  },
  {
    ...inEvent,
    id: 13,
    title: 'Lunch',
    startTime: '2026-06-10T11:00:00Z',
    endTime: '2026-06-10T12:00:00Z',
    track: 'Main stage',
    kind: 'break',
    speakers: [],
  },
]

describe('eventJsonLd with a program', () => {
  const url = 'https://events.example/events/program-conf'
  const jsonLd = eventJsonLd(event, { url, description: 'x', availability: null, sessions })

  it('lists the sessions as sub-events in time order, with their speakers as performers', () => {
    const subEvents = jsonLd.subEvent as Record<string, any>[]
    expect(subEvents.map((item) => item.name)).toEqual(['Opening keynote', 'Scaling chat', 'Lunch'])
    expect(subEvents[0]).toMatchObject({
      '@type': 'Event',
      startDate: '2026-06-10T07:00:00Z',
      endDate: '2026-06-10T08:00:00Z',
      location: { '@type': 'VirtualLocation', url: `${url}/sessions/11` },
      performer: [
        {
          '@type': 'Person',
          name: 'Ada Lovelace',
          url: 'https://events.example/speakers/ada-lovelace',
        },
        {
          '@type': 'Person',
          name: 'Grace Hopper',
          url: 'https://events.example/speakers/grace-hopper',
        },
      ],
    })
    expect(subEvents[2]).not.toHaveProperty('performer')
  })

  it('has no subEvent without a program', () => {
    expect(eventJsonLd(event, { url, description: 'x', availability: null })).not.toHaveProperty(
      'subEvent',
    )
  })
})

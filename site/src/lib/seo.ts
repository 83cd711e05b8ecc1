import { endTime, priceAsDecimal } from './format'
import { sessionSpeakers, type Session } from './program'
import { sortSessions } from './schedule'
import type { Availability, CmsEvent, Tickets } from './schemas'

/** schema.org Event for an online event, for search engines' rich results. */
export function eventJsonLd(
  event: CmsEvent,
  {
    url,
    description,
    image,
    availability,
    sessions = [],
    tickets = null,
  }: {
    url: string
    description: string
    image?: string | null
    availability: Availability | null
    /** The program: each session becomes a `subEvent` with its speakers as `performer`s. */
    sessions?: readonly Session[]
    tickets?: Tickets | null
  },
): Record<string, unknown> {
  const organizer = typeof event.organizer === 'object' ? event.organizer : null
  const isSoldOut = availability?.isFull === true
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description,
    startDate: event.startTime,
    endDate: endTime(event.startTime, event.duration).toISOString(),
    eventStatus:
      event.status === 'cancelled'
        ? 'https://schema.org/EventCancelled'
        : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
    location: { '@type': 'VirtualLocation', url },
    ...(image ? { image: [image] } : {}),
    ...(organizer?.name ? { organizer: { '@type': 'Person', name: organizer.name } } : {}),
    offers: tickets
      ? ticketOffers(tickets, url, isSoldOut)
      : {
          '@type': 'Offer',
          url,
          price: priceAsDecimal(event.price, event.currency),
          priceCurrency: event.currency,
          availability: isSoldOut ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
          validFrom: event.updatedAt,
        },
    ...(sessions.length > 0
      ? { subEvent: sortSessions(sessions).map((session) => sessionJsonLd(session, url)) }
      : {}),
  }
}

function sessionJsonLd(session: Session, eventUrl: string): Record<string, unknown> {
  const performers = sessionSpeakers(session).map((speaker) => ({
    '@type': 'Person',
    name: speaker.name,
    url: `${new URL(eventUrl).origin}/speakers/${speaker.slug}`,
  }))
  return {
    '@type': 'Event',
    name: session.title,
    startDate: session.startTime,
    endDate: session.endTime,
    eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
    location: { '@type': 'VirtualLocation', url: `${eventUrl}/sessions/${session.id}` },
    ...(performers.length > 0 ? { performer: performers } : {}),
  }
}

/** One Offer per public ticket type, at its full price (a code's discount is not public). */
function ticketOffers(tickets: Tickets, url: string, isEventFull: boolean) {
  return tickets.ticketTypes
    .filter((type) => !type.hidden)
    .map((type) => ({
      '@type': 'Offer',
      name: type.name,
      url,
      price: priceAsDecimal(type.price, tickets.currency),
      priceCurrency: tickets.currency,
      availability:
        isEventFull || type.isSoldOut || type.available <= 0
          ? 'https://schema.org/SoldOut'
          : type.salesState === 'not_open'
            ? 'https://schema.org/PreOrder'
            : type.salesState === 'closed'
              ? 'https://schema.org/Discontinued'
              : 'https://schema.org/InStock',
      ...(type.salesStart ? { validFrom: type.salesStart } : {}),
      ...(type.salesEnd ? { validThrough: type.salesEnd } : {}),
    }))
}

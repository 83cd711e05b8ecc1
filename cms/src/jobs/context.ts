import { UnrecoverableError } from 'bullmq'
import type { Payload } from 'payload'

import { parseEnv } from '../env'
import { formatEventTime } from '../emails/format'
import type { EventSummary } from '../emails/templates'
import type { Event, Payment, Registration, User } from '../payload-types'
import { settings, slugs } from '../plugin/settings'

/** Whom a ticket's emails go to: its holder, or the attendee named on a ticket not claimed yet. */
export type Attendee = Pick<User, 'name' | 'email'> & { id?: number }

export type LoadedRegistration = Registration & { user: Attendee; event: Event }

export const siteUrl = (): string => settings.siteUrl.replace(/\/$/, '')
export const cmsUrl = (): string => parseEnv(process.env).CMS_URL.replace(/\/$/, '')

export const eventUrl = (event: Pick<Event, 'slug'>): string =>
  `${siteUrl()}/events/${encodeURIComponent(event.slug)}`

export const eventSummary = (event: Event): EventSummary => ({
  title: event.title,
  when: formatEventTime(event.startTime, event.timezone),
  url: eventUrl(event),
})

// Loaders pass `disableErrors`: a row that is gone ends the job for good, while a database that
// cannot answer now throws as it is, and the job is tried again (an email is never lost to a
// busy pool).
const notFound = (what: string, id: unknown) =>
  new UnrecoverableError(`${what} ${String(id)} not found`)

export async function loadRegistration(
  payload: Payload,
  id: number | string,
): Promise<LoadedRegistration> {
  const registration = await payload.findByID({
    collection: slugs.registrations,
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!registration) throw notFound('Registration', id)
  if (typeof registration.event !== 'object') throw notFound('Event of registration', id)
  if (typeof registration.user === 'object' && registration.user) {
    return registration as LoadedRegistration
  }
  if (!registration.user && registration.attendeeEmail) {
    const attendee = {
      name: registration.attendeeName || registration.attendeeEmail,
      email: registration.attendeeEmail,
    }
    return { ...registration, user: attendee } as LoadedRegistration
  }
  throw notFound('User of registration', id)
}

export async function loadPayment(
  payload: Payload,
  id: number | string,
): Promise<Payment & { user: User; event: Event }> {
  const payment = await payload.findByID({
    collection: slugs.payments,
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!payment || typeof payment.user !== 'object' || typeof payment.event !== 'object') {
    throw notFound('Payment', id)
  }
  return payment as Payment & { user: User; event: Event }
}

export async function loadEvent(
  payload: Payload,
  id: number | string,
): Promise<Event & { organizer: User }> {
  const event = await payload.findByID({
    collection: slugs.events,
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!event || typeof event.organizer !== 'object') throw notFound('Event', id)
  return event as Event & { organizer: User }
}

/** A registration's version: a cancelled-then-renewed registration is a new business event. */
export const registrationVersion = (registration: Pick<Registration, 'registeredAt'>): number =>
  Date.parse(registration.registeredAt)

/** Pages through an event's registrations in the given statuses, users populated. */
export async function* eventRegistrations(
  payload: Payload,
  eventId: number | string,
  statuses: Registration['status'][],
  pageSize = 200,
): AsyncGenerator<Omit<Registration, 'user'> & { user: Attendee }> {
  let afterId = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: slugs.registrations,
      where: {
        and: [
          { event: { equals: eventId } },
          { status: { in: statuses } },
          { id: { greater_than: afterId } },
        ],
      },
      sort: 'id',
      limit: pageSize,
      depth: 1,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs) {
      if (typeof doc.user === 'object' && doc.user) yield doc as Registration & { user: User }
      // A ticket not claimed yet: its attendee is told at the address it was bought for.
      else if (!doc.user && doc.attendeeEmail) {
        const attendee = { name: doc.attendeeName || doc.attendeeEmail, email: doc.attendeeEmail }
        yield { ...doc, user: attendee }
      }
    }
    if (docs.length < pageSize) return
    afterId = docs[docs.length - 1]!.id
  }
}

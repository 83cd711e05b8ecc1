import type { PayloadRequest } from 'payload'

import { checkRole } from '../../access/checkRole'
import type { Event, Session, Speaker } from '../../payload-types'
import { idOf } from '../bookableEvent'

export type SpeakerClash = {
  speaker: { id: number; name: string }
  session: { id: number; title: string; startTime: string; endTime: string; event: string }
}

type Slot = Pick<Session, 'startTime' | 'endTime' | 'speakers'> & { id?: number }

/**
 * Other sessions (of any event) that overlap `slot` and share one of its speakers: the organizer
 * is warned, not refused, since a panel may well be recorded or a speaker double-booked on purpose.
 */
export async function findSpeakerClashes(req: PayloadRequest, slot: Slot): Promise<SpeakerClash[]> {
  const speakerIds = (slot.speakers ?? []).map((speaker) => idOf(speaker)!).filter(Boolean)
  if (speakerIds.length === 0 || !slot.startTime || !slot.endTime) return []
  const { docs } = await req.payload.find({
    collection: 'sessions',
    where: {
      and: [
        { speakers: { in: speakerIds } },
        { startTime: { less_than: new Date(slot.endTime).toISOString() } },
        { endTime: { greater_than: new Date(slot.startTime).toISOString() } },
        ...(slot.id ? [{ id: { not_equals: slot.id } }] : []),
      ],
    },
    depth: 1,
    limit: 50,
    overrideAccess: true,
    req,
  })
  // Another organizer's unpublished program stays private: its session is named only vaguely.
  const mayName = (event: Event) =>
    event.status === 'published' ||
    checkRole(['admin'], req.user) ||
    idOf(event.organizer) === req.user?.id
  return docs.flatMap((other) =>
    (other.speakers ?? [])
      .filter((speaker): speaker is Speaker => typeof speaker === 'object' && speaker !== null)
      .filter((speaker) => speakerIds.includes(speaker.id))
      .map((speaker) => ({
        speaker: { id: speaker.id, name: speaker.name },
        session: mayName(other.event as Event)
          ? {
              id: other.id,
              title: other.title,
              startTime: other.startTime,
              endTime: other.endTime,
              event: (other.event as Event).title,
            }
          : {
              id: other.id,
              title: 'a session',
              startTime: other.startTime,
              endTime: other.endTime,
              event: 'another event',
            },
      })),
  )
}

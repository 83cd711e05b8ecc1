import type { CollectionConfig, DateField, Where } from 'payload'

import { isOrganizerOrAdmin } from '../../access/isOrganizerOrAdmin'
import { ownEventOptions } from '../../access/ownEventOptions'
import { plainText } from '../../fields/plainText'
import { wholeNumberBetween } from '../../fields/wholeNumber'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '../../hooks/revalidateSite'
import { DEFAULT_TRACK, SESSION_KINDS } from '../../services/program/agenda'
import { STREAM_SOURCE_HINT, validateStreamUrl } from '../../services/streamSource'
import { ownEventSessions } from './access/ownEventSessions'
import { readSessions } from './access/readSessions'
import { sessionOwnerField } from './access/sessionOwnerField'
import { sessionCalendar } from './endpoints/calendar'
import { sessionReplay } from './endpoints/replay'
import { starSession, starredSessions, unstarSession } from './endpoints/star'
import { sessionStream } from './endpoints/stream'
import { deleteStars } from './hooks/deleteStars'
import { fitInsideEvent } from './hooks/fitInsideEvent'
import { listSpeakerClashes } from './hooks/listSpeakerClashes'
import { readWallTimeInEventZone } from './hooks/readWallTimeInEventZone'
import { scheduleSessionReminder } from './hooks/scheduleSessionReminder'
import { sessionsOfOwnEvents } from './hooks/sessionsOfOwnEvents'

const KIND_LABELS: Record<(typeof SESSION_KINDS)[number], string> = {
  keynote: 'Keynote',
  talk: 'Talk',
  workshop: 'Workshop',
  panel: 'Panel',
  break: 'Break',
}

const sessionTime = (name: 'startTime' | 'endTime', label: string): DateField => ({
  name,
  label,
  type: 'date',
  required: true,
  index: true,
  hooks: { beforeValidate: [readWallTimeInEventZone] },
  admin: {
    components: {
      Field: '/admin/fields/EventZonedDateTimeField#EventZonedDateTimeField',
      Cell: '/admin/fields/ZonedDateCell#ZonedDateCell',
    },
  },
})

/** One slot of an event's program: a talk, a workshop, a break… in a track, with its speakers. */
export const Sessions: CollectionConfig = {
  slug: 'sessions',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'event', 'startTime', 'endTime', 'track', 'kind'],
    description: 'The program of an event. Times are entered and shown in the event’s time zone.',
  },
  access: {
    read: readSessions,
    create: isOrganizerOrAdmin,
    update: ownEventSessions,
    delete: ownEventSessions,
  },
  defaultSort: 'startTime',
  endpoints: [
    starredSessions,
    sessionStream,
    sessionReplay,
    sessionCalendar,
    starSession,
    unstarSession,
  ],
  hooks: {
    beforeChange: [sessionsOfOwnEvents, fitInsideEvent],
    afterChange: [revalidateSiteAfterChange, scheduleSessionReminder],
    beforeDelete: [deleteStars],
    afterDelete: [revalidateSiteAfterDelete],
  },
  fields: [
    {
      name: 'speakerClashWarning',
      type: 'ui',
      admin: { components: { Field: '/admin/SpeakerClashWarning#SpeakerClashWarning' } },
    },
    {
      name: 'event',
      type: 'relationship',
      relationTo: 'events',
      required: true,
      index: true,
      filterOptions: ownEventOptions,
    },
    { name: 'title', type: 'text', required: true, maxLength: 200, validate: plainText },
    {
      type: 'row',
      fields: [sessionTime('startTime', 'Start'), sessionTime('endTime', 'End')],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'track',
          type: 'text',
          required: true,
          defaultValue: DEFAULT_TRACK,
          maxLength: 100,
          validate: plainText,
          admin: { description: 'The room or stage, e.g. "Main stage", "Room B".' },
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'talk',
          options: SESSION_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
        },
        {
          name: 'order',
          type: 'number',
          defaultValue: 0,
          min: 0,
          max: 10_000,
          validate: wholeNumberBetween(0, 10_000),
          admin: { description: 'Sessions starting together are listed lowest first.' },
        },
      ],
    },
    { name: 'description', type: 'richText' },
    { name: 'speakers', type: 'relationship', relationTo: 'speakers', hasMany: true },
    {
      name: 'streamUrl',
      type: 'text',
      access: { read: sessionOwnerField },
      validate: validateStreamUrl,
      admin: {
        description: `Optional: this session's own live stream; empty plays the event's. ${STREAM_SOURCE_HINT}`,
      },
    },
    {
      name: 'recordingUrl',
      type: 'text',
      access: { read: sessionOwnerField },
      validate: validateStreamUrl,
      admin: { description: 'After the session: its recording, for registrants.' },
    },
    {
      name: 'materials',
      type: 'relationship',
      relationTo: 'media',
      hasMany: true,
      // Only the attendee materials of this session's event.
      filterOptions: ({ data }): Where => ({
        and: [{ kind: { equals: 'material' } }, { event: { equals: data?.event ?? -1 } }],
      }),
      admin: { description: 'Attendee materials of the event (upload them to Media first).' },
    },
    // Copied from the event on every save (and when the event's zone changes): list cells and the
    // time fields show times in it.
    {
      name: 'timezone',
      type: 'text',
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
    },
    // Rises each time the session moves, so calendar apps replace the old time.
    {
      name: 'sequence',
      type: 'number',
      defaultValue: 0,
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'speakerClashes',
      type: 'json',
      virtual: true,
      access: { read: sessionOwnerField },
      admin: { hidden: true },
      hooks: { afterRead: [listSpeakerClashes] },
    },
  ],
}

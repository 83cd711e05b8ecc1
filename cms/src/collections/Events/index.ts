import type { CollectionConfig } from 'payload'

import { isAdminField } from '../../access/isAdmin'
import { isOrganizerOrAdmin } from '../../access/isOrganizerOrAdmin'
import { env } from '../../env'
import { moneyFields } from '../../fields/money'
import { slugField } from '../../fields/slug'
import { timezoneField } from '../../fields/timezone'
import { wholeNumberBetween } from '../../fields/wholeNumber'
import { zonedDateTimeField } from '../../fields/zonedDate'
import { STREAM_SOURCE_HINT, validateStreamUrl } from '../../services/streamSource'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '../../hooks/revalidateSite'
import { eventOwnerField } from './access/eventOwnerField'
import { deletableEvents, ownEvents, ownEventVersions } from './access/ownEvents'
import { readEvents } from './access/readEvents'
import { eventAttendance } from './endpoints/attendance'
import { eventAttendees } from './endpoints/attendees'
import { eventAvailability } from './endpoints/eventAvailability'
import { eventTickets } from './endpoints/tickets'
import { eventChatAccess } from './endpoints/chatAccess'
import { eventReplay } from './endpoints/replay'
import { replaceEvent } from './endpoints/replaceEvent'
import { eventStream } from './endpoints/stream'
import { applyListFilters } from './hooks/applyListFilters'
import { assignOrganizer } from './hooks/assignOrganizer'
import { deriveListingFields } from './hooks/deriveListingFields'
import { ensureTicketType } from './hooks/ensureTicketType'
import { keepSoldTicketTypes } from './hooks/keepSoldTicketTypes'
import { deleteEventRecords } from './hooks/deleteEventRecords'
import { enforceStatusWorkflow } from './hooks/enforceStatusWorkflow'
import { enqueueEventEmails } from './hooks/enqueueEventEmails'
import { extractDescriptionText } from './hooks/extractDescriptionText'
import { refuseCapacityBelowTaken } from './hooks/refuseCapacityBelowTaken'
import { forgetEventInChat, publishEventToChat } from './hooks/publishEventToChat'
import { offerRaisedCapacity } from './hooks/offerRaisedCapacity'
import { promoCodesField, questionsField, ticketTypesField } from './ticketFields'
import { EVENT_STATUSES } from './workflow'

const STATUS_LABELS: Record<(typeof EVENT_STATUSES)[number], string> = {
  draft: 'Draft',
  pending_review: 'Pending review',
  published: 'Published',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
}

export const Events: CollectionConfig = {
  slug: 'events',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'startTime', 'status', 'organizer', 'price'],
    description: 'Submit a draft for review when it is ready; an admin publishes it.',
    // The site shows an unpublished event to its organizer and admins who open it with ?preview.
    preview: (doc) =>
      typeof doc?.slug === 'string' ? `${env.SITE_URL}/events/${doc.slug}?preview` : null,
  },
  access: {
    read: readEvents,
    create: isOrganizerOrAdmin,
    update: ownEvents,
    delete: deletableEvents,
    readVersions: ownEventVersions,
  },
  // Versions record every edit, so changes to a published event's time or price stay visible.
  versions: { maxPerDoc: 100 },
  defaultSort: 'startTime',
  endpoints: [
    replaceEvent,
    eventAvailability,
    eventTickets,
    eventStream,
    eventAttendance,
    eventReplay,
    eventAttendees,
    eventChatAccess,
  ],
  hooks: {
    beforeOperation: [applyListFilters],
    beforeChange: [
      assignOrganizer,
      enforceStatusWorkflow,
      refuseCapacityBelowTaken,
      extractDescriptionText,
      deriveListingFields,
      ensureTicketType,
      keepSoldTicketTypes,
    ],
    afterChange: [
      revalidateSiteAfterChange,
      enqueueEventEmails,
      publishEventToChat,
      offerRaisedCapacity,
    ],
    beforeDelete: [deleteEventRecords],
    afterDelete: [revalidateSiteAfterDelete, forgetEventInChat],
  },
  fields: [
    {
      name: 'tools',
      type: 'ui',
      admin: { components: { Field: '/admin/EventToolsLinks#EventToolsLinks' } },
    },
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'description', type: 'richText' },
    {
      name: 'descriptionText',
      type: 'textarea',
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
    },
    { name: 'image', type: 'upload', relationTo: 'media' },
    {
      name: 'videoUrl',
      type: 'text',
      access: { read: eventOwnerField },
      validate: validateStreamUrl,
      admin: {
        description: `The live stream, shown only to confirmed attendees on the watch page. ${STREAM_SOURCE_HINT}`,
      },
    },
    {
      name: 'recordingUrl',
      type: 'text',
      access: { read: eventOwnerField },
      validate: validateStreamUrl,
      admin: {
        description:
          'After the event: the recording attendees watch on demand, with the chat replayed beside it.',
      },
    },
    {
      name: 'captions',
      type: 'upload',
      relationTo: 'media',
      access: { read: eventOwnerField },
      filterOptions: { mimeType: { equals: 'text/vtt' } },
      admin: { description: 'Optional WebVTT captions (upload as an attendee material).' },
    },
    {
      type: 'row',
      fields: [
        zonedDateTimeField({ name: 'startTime', required: true, index: true }),
        {
          name: 'duration',
          type: 'number',
          required: true,
          min: 1,
          max: 60 * 24 * 14,
          defaultValue: 60,
          validate: wholeNumberBetween(1, 60 * 24 * 14),
          admin: { description: 'Minutes.' },
        },
        timezoneField,
      ],
    },
    {
      type: 'row',
      fields: [
        ...moneyFields({ amountName: 'price', defaultAmount: 0 }),
        {
          name: 'capacity',
          type: 'number',
          required: true,
          min: 1,
          max: 1_000_000,
          defaultValue: 100,
          validate: wholeNumberBetween(1, 1_000_000),
        },
        {
          name: 'refundDeadlineHours',
          label: 'Refunds until (hours before the start)',
          type: 'number',
          min: 0,
          max: 24 * 365,
          defaultValue: 24,
          validate: wholeNumberBetween(0, 24 * 365),
          admin: {
            description:
              'Attendees who cancel earlier get their money back; later they may still cancel, without a refund. 0 = until the start.',
          },
        },
      ],
    },
    ticketTypesField,
    questionsField,
    promoCodesField,
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: EVENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
      admin: {
        position: 'sidebar',
        // Moved by the workflow buttons below, which offer only the moves the person may make.
        readOnly: true,
        description: 'Organizers submit for review; only admins publish or reject.',
      },
    },
    {
      name: 'workflow',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/admin/EventWorkflow#EventWorkflow' } },
    },
    {
      name: 'rejectionReason',
      type: 'textarea',
      maxLength: 2000,
      access: { create: isAdminField, update: isAdminField },
      admin: {
        position: 'sidebar',
        // Written by the "Reject…" button; shown to the organizer once the event is rejected.
        readOnly: true,
        condition: (data) => data?.status === 'rejected',
      },
    },
    {
      name: 'organizer',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      filterOptions: { role: { in: ['organizer', 'admin'] } },
      access: { update: isAdminField },
      admin: { position: 'sidebar' },
    },
    { name: 'category', type: 'relationship', relationTo: 'categories', index: true },
    {
      name: 'reviewedBy',
      type: 'relationship',
      relationTo: 'users',
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'reviewedAt',
      type: 'date',
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
    // Derived by deriveListingFields for the public lists (live now, past, on demand).
    {
      name: 'endTime',
      type: 'date',
      index: true,
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'hasRecording',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
    },
  ],
}

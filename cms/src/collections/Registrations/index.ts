import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { readTickets } from './access/readTickets'
import { rateLimits, withRateLimit } from '../../lib/rateLimit'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '../../hooks/revalidateSite'
import { cancel, cancellationQuote } from './endpoints/cancel'
import { claimTicket, showClaim } from './endpoints/claim'
import { enforceTransition } from './hooks/enforceTransition'
import { enqueueRegistrationEmails } from './hooks/enqueueRegistrationEmails'
import { closeSeatInChat, publishSeatToChat } from './hooks/publishSeatToChat'
import { keepSeatCount, releaseSeatOnDelete } from './hooks/keepSeatCount'
import { myRegistrations } from './endpoints/myRegistrations'
import { register } from './endpoints/register'
import { REGISTRATION_STATUSES } from '../../contract/booking'
import { ticketFields } from './ticketFields'

export const Registrations: CollectionConfig = {
  slug: 'registrations',
  admin: {
    defaultColumns: ['event', 'user', 'status', 'registeredAt'],
    description: 'Attendees cancel; the row is kept for the record.',
  },
  access: {
    read: readTickets,
    // People register through POST /api/registrations (the seat service); direct creates are admin-only.
    create: isAdmin,
    // Status changes go through the seat service (DELETE /api/registrations/:id cancels).
    update: isAdmin,
    delete: isAdmin,
  },
  indexes: [{ fields: ['user', 'event'], unique: true }],
  // The seed's contract: POST registers through the seat service, DELETE cancels instead of deleting.
  endpoints: [
    withRateLimit(register, rateLimits.registrations),
    myRegistrations,
    showClaim,
    withRateLimit(claimTicket, rateLimits.registrations),
    cancellationQuote,
    cancel,
  ],
  hooks: {
    beforeChange: [enforceTransition],
    // keepSeatCount stays last: the seat counter's row lock is held from its write to the commit.
    afterChange: [
      revalidateSiteAfterChange,
      enqueueRegistrationEmails,
      publishSeatToChat,
      keepSeatCount,
    ],
    afterDelete: [revalidateSiteAfterDelete, closeSeatInChat, releaseSeatOnDelete],
  },
  fields: [
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      admin: { description: "The ticket's holder; empty until its attendee claims it." },
    },
    {
      name: 'event',
      type: 'relationship',
      relationTo: 'events',
      required: true,
      index: true,
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: REGISTRATION_STATUSES.map((value) => ({ value, label: value })),
      // Statuses move only through the booking module's transition table (services/booking).
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
    {
      name: 'payment',
      type: 'relationship',
      relationTo: 'payments',
    },
    {
      name: 'holdExpiresAt',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description:
          'A pending (checkout) or offered (waitlist) registration holds its seat until then.',
      },
    },
    ...ticketFields,
    {
      name: 'registeredAt',
      type: 'date',
      required: true,
      defaultValue: () => new Date().toISOString(),
    },
  ],
}

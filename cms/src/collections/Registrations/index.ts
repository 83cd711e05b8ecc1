import type { CollectionConfig } from 'payload'

import { adminOrOwnRecords } from '../../access/adminOrOwnRecords'
import { isAdmin } from '../../access/isAdmin'
import { rateLimits, withRateLimit } from '../../lib/rateLimit'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '../../hooks/revalidateSite'
import { cancel } from './endpoints/cancel'
import { enqueueRegistrationEmails } from './hooks/enqueueRegistrationEmails'
import { closeSeatInChat, publishSeatToChat } from './hooks/publishSeatToChat'
import { myRegistrations } from './endpoints/myRegistrations'
import { register } from './endpoints/register'
import { REGISTRATION_STATUSES } from './status'

export const Registrations: CollectionConfig = {
  slug: 'registrations',
  admin: {
    defaultColumns: ['event', 'user', 'status', 'registeredAt'],
    description: 'Attendees cancel; the row is kept for the record.',
  },
  access: {
    read: adminOrOwnRecords,
    // People register through POST /api/registrations (the seat service); direct creates are admin-only.
    create: isAdmin,
    // Status changes go through the seat service (DELETE /api/registrations/:id cancels).
    update: isAdmin,
    delete: isAdmin,
  },
  indexes: [{ fields: ['user', 'event'], unique: true }],
  // The seed's contract: POST registers through the seat service, DELETE cancels instead of deleting.
  endpoints: [withRateLimit(register, rateLimits.registrations), myRegistrations, cancel],
  hooks: {
    afterChange: [revalidateSiteAfterChange, enqueueRegistrationEmails, publishSeatToChat],
    afterDelete: [revalidateSiteAfterDelete, closeSeatInChat],
  },
  fields: [
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
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
          'A pending registration holds its seat until then (checkout or waitlist offer).',
      },
    },
    {
      name: 'registeredAt',
      type: 'date',
      required: true,
      defaultValue: () => new Date().toISOString(),
    },
  ],
}

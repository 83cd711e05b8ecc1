import type { CollectionConfig } from 'payload'

import { adminOrOwnRecords } from '../../access/adminOrOwnRecords'
import { isAdmin } from '../../access/isAdmin'

/**
 * Who watched a live stream, and for how long: one row per event and person,
 * written by the player's heartbeats (POST /api/events/:id/attendance).
 */
export const Attendance: CollectionConfig = {
  slug: 'attendance',
  admin: {
    defaultColumns: ['event', 'user', 'firstSeenAt', 'watchSeconds'],
    description: 'Recorded by the watch page while the stream is live.',
  },
  access: {
    read: adminOrOwnRecords,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  indexes: [{ fields: ['event', 'user'], unique: true }],
  fields: [
    { name: 'event', type: 'relationship', relationTo: 'events', required: true, index: true },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'firstSeenAt', type: 'date', required: true },
    { name: 'lastSeenAt', type: 'date', required: true },
    { name: 'watchSeconds', type: 'number', required: true, defaultValue: 0, min: 0 },
  ],
}

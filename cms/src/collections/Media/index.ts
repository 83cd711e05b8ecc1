import type { CollectionConfig } from 'payload'

import { isOrganizerOrAdmin } from '../../access/isOrganizerOrAdmin'
import { ownMedia } from './access/ownMedia'
import { readMedia } from './access/readMedia'
import { materialsOfOwnEvents } from './hooks/materialsOfOwnEvents'

export const Media: CollectionConfig = {
  slug: 'media',
  admin: {
    defaultColumns: ['filename', 'kind', 'event', 'alt'],
    description: 'Event images are public. Materials are for the event’s confirmed attendees.',
  },
  access: {
    read: readMedia,
    create: isOrganizerOrAdmin,
    update: ownMedia,
    delete: ownMedia,
  },
  upload: {
    staticDir: 'media',
    mimeTypes: ['image/*', 'application/pdf', 'text/vtt', 'application/zip'],
    imageSizes: [{ name: 'card', width: 640, height: 360, position: 'centre' }],
  },
  hooks: {
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation === 'create' && req.user) data.owner = req.user.id
        return data
      },
      materialsOfOwnEvents,
    ],
  },
  fields: [
    { name: 'alt', type: 'text', maxLength: 300 },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'image',
      options: [
        { value: 'image', label: 'Public image' },
        { value: 'material', label: 'Attendee material' },
      ],
    },
    {
      name: 'event',
      type: 'relationship',
      relationTo: 'events',
      index: true,
      admin: { condition: (data) => data?.kind === 'material' },
      validate: (value: unknown, { siblingData }: { siblingData: { kind?: string } }) =>
        siblingData.kind !== 'material' || Boolean(value) || 'A material belongs to an event.',
    },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}

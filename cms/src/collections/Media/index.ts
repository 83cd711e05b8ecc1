import { validations, type CollectionConfig, type RelationshipFieldSingleValidation } from 'payload'

import { isOrganizerOrAdmin } from '../../access/isOrganizerOrAdmin'
import { ownEventOptions } from '../../access/ownEventOptions'
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
      filterOptions: ownEventOptions,
      admin: { condition: (data) => data?.kind === 'material' },
      // Payload's own check runs too: it is what applies filterOptions to the chosen event.
      validate: ((value, options) => {
        const { kind } = options.siblingData as { kind?: string }
        if (kind === 'material' && !value) return 'A material belongs to an event.'
        return validations.relationship(value, options)
      }) satisfies RelationshipFieldSingleValidation,
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

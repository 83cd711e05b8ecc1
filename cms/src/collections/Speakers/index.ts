import type { CollectionConfig } from 'payload'

import { isOrganizerOrAdmin } from '../../access/isOrganizerOrAdmin'
import { plainText, plainTextarea } from '../../fields/plainText'
import { slugField } from '../../fields/slug'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '../../hooks/revalidateSite'
import { ownSpeakers } from './access/ownSpeakers'
import { readSpeakers } from './access/readSpeakers'
import { speakerBySlug } from './endpoints/bySlug'

const isWebAddress = (value: string | null | undefined): true | string => {
  if (!value) return 'Enter an address.'
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' || 'Use an http(s) address.'
  } catch {
    return 'Not a web address.'
  }
}

/** A person who speaks in sessions; one profile serves every session and event they appear in. */
export const Speakers: CollectionConfig = {
  slug: 'speakers',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'title', 'company', 'slug'],
    description: 'Speakers appear on the agenda of every published event they speak at.',
  },
  access: {
    read: readSpeakers,
    create: isOrganizerOrAdmin,
    update: ownSpeakers,
    delete: ownSpeakers,
  },
  endpoints: [speakerBySlug],
  hooks: {
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation === 'create' && req.user) data.createdBy = req.user.id
        return data
      },
    ],
    afterChange: [revalidateSiteAfterChange],
    afterDelete: [revalidateSiteAfterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, validate: plainText },
    slugField('name'),
    {
      type: 'row',
      fields: [
        { name: 'title', label: 'Job title', type: 'text', maxLength: 120, validate: plainText },
        { name: 'company', type: 'text', maxLength: 120, validate: plainText },
      ],
    },
    { name: 'bio', type: 'textarea', maxLength: 5000, validate: plainTextarea },
    {
      name: 'photo',
      type: 'upload',
      relationTo: 'media',
      filterOptions: { kind: { equals: 'image' } },
    },
    {
      name: 'links',
      type: 'array',
      maxRows: 10,
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 60, validate: plainText },
        { name: 'url', type: 'text', required: true, maxLength: 500, validate: isWebAddress },
      ],
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}

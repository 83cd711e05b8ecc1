import type { Access, CollectionConfig } from 'payload'

import { checkRole } from '../access/checkRole'
import { env } from '../env'
import { isAdmin } from '../access/isAdmin'
import { slugField } from '../fields/slug'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '../hooks/revalidateSite'

/** Editors (admins) see drafts; everyone else only published pages. */
const readPublishedPages: Access = ({ req: { user } }) =>
  checkRole(['admin'], user) || { _status: { equals: 'published' } }

export const Pages: CollectionConfig = {
  slug: 'pages',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'updatedAt'],
    // The site shows the latest draft to a signed-in editor who opens it with ?preview.
    preview: (doc) =>
      typeof doc?.slug === 'string' ? `${env.SITE_URL}/${doc.slug}?preview` : null,
  },
  access: {
    read: readPublishedPages,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
    readVersions: isAdmin,
  },
  versions: { drafts: true, maxPerDoc: 50 },
  hooks: { afterChange: [revalidateSiteAfterChange], afterDelete: [revalidateSiteAfterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'content', type: 'richText' },
  ],
}

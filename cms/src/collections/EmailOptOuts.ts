import type { Access, CollectionConfig } from 'payload'

import { checkRole } from '../access/checkRole'
import { isAdmin } from '../access/isAdmin'
import { unsubscribe } from '../jobs/unsubscribe'

const adminOrOwn: Access = ({ req: { user } }) =>
  checkRole(['admin'], user) || (user ? { user: { equals: user.id } } : false)

/** People who asked for no more organizers' bulk mail. Transactional mail still goes to them. */
export const EmailOptOuts: CollectionConfig = {
  slug: 'email-opt-outs',
  admin: { group: 'Email', defaultColumns: ['user', 'createdAt'] },
  access: { read: adminOrOwn, create: isAdmin, update: isAdmin, delete: adminOrOwn },
  endpoints: unsubscribe,
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, unique: true },
  ],
}

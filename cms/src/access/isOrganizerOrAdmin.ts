import type { Access } from 'payload'

import { checkRole } from './checkRole'

export const isOrganizerOrAdmin: Access = ({ req: { user } }) =>
  checkRole(['organizer', 'admin'], user)

import type { User } from '../payload-types'
import { settings } from '../plugin/settings'

export type Role = User['role']

const holdsRole = (roles: Role[], user?: Pick<User, 'role'> | null): boolean =>
  Boolean(user && roles.includes(user.role))

/**
 * True when the user holds one of the roles. Anonymous callers hold none. A host may decide roles
 * its own way (`eventPortal({ access: { checkRole } })`); every role rule goes through here.
 */
export const checkRole = (roles: Role[], user?: Pick<User, 'role'> | null): boolean =>
  (settings.checkRole ?? holdsRole)(roles, user)

import type { User } from '../payload-types'

export type Role = User['role']

/** True when the user holds one of the roles. Anonymous callers hold none. */
export const checkRole = (roles: Role[], user?: Pick<User, 'role'> | null): boolean =>
  Boolean(user && roles.includes(user.role))

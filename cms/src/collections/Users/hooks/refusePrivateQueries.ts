import type { CollectionBeforeOperationHook, Sort, Where } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { AUTH_ERROR } from '../../../contract/auth'
import { RequestError } from '../../../lib/errors'

/** Fields of an account nobody but an admin may filter or sort by (they would leak through the answer). */
export const PRIVATE_USER_FIELDS = new Set([
  'sessions',
  'hash',
  'salt',
  'password',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'loginAttempts',
  'lockUntil',
  'apiKey',
  'apiKeyIndex',
  'enableAPIKey',
  '_verified',
  '_verificationToken',
])

function wherePaths(where: Where | undefined, paths: string[] = []): string[] {
  for (const [key, value] of Object.entries(where ?? {})) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      for (const part of value) wherePaths(part as Where, paths)
    } else {
      paths.push(key)
    }
  }
  return paths
}

function sortPaths(sort: Sort | undefined): string[] {
  const list = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  return list.map((path) => path.trim().replace(/^-/, ''))
}

/**
 * `?where[sessions.createdAt][greater_than]=…` would tell who logged in when:
 * a where or sort on a private field answers 400 naming it, for everyone but admins.
 */
export const refusePrivateQueries: CollectionBeforeOperationHook = ({ args, req }) => {
  const { overrideAccess, where, sort } = args as {
    overrideAccess?: boolean
    where?: Where
    sort?: Sort
  }
  if (overrideAccess === true || checkRole(['admin'], req.user)) return args
  for (const path of [...wherePaths(where), ...sortPaths(sort)]) {
    if (PRIVATE_USER_FIELDS.has(path.split('.')[0]!)) {
      throw new RequestError(`Users cannot be filtered or sorted by ${path}.`, 400, {
        code: AUTH_ERROR.fieldNotQueryable,
        path,
      })
    }
  }
  return args
}

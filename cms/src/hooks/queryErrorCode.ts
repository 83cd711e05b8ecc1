import type { AfterErrorHook } from 'payload'

import { AUTH_ERROR } from '../contract/auth'

/**
 * Payload refuses a `where` or `sort` on a field the caller may not read
 * (users' sessions, hash, reset tokens, another user's email…) with a
 * QueryError listing the paths. It answers in our shape: 400 with a stable
 * code and the field named in `data.path`.
 */
export const queryErrorCode: AfterErrorHook = ({ error, result }) => {
  if (error.name !== 'QueryError') return
  const paths = ((error as { data?: { path?: string }[] }).data ?? []).map((entry) => entry.path)
  const path = paths[0] ?? 'where'
  return {
    status: 400,
    response: {
      ...result,
      errors: [
        {
          message: `The field "${path}" cannot be used to filter or sort.`,
          data: { code: AUTH_ERROR.fieldNotQueryable, path, paths },
        },
      ],
    },
  }
}

import { ValidationError, type PayloadRequest } from 'payload'
import type { z } from 'zod'

/** Reads and validates the query string; a bad parameter is a 400 that names it. */
export function parseQuery<Schema extends z.ZodType>(
  req: PayloadRequest,
  schema: Schema,
): z.infer<Schema> {
  const result = schema.safeParse(Object.fromEntries(req.searchParams.entries()))
  if (!result.success) {
    throw new ValidationError({
      errors: result.error.issues.map((issue) => ({
        path: issue.path.join('.') || 'query',
        message: issue.message,
      })),
    })
  }
  return result.data
}

import { ValidationError, headersWithCors, type PayloadRequest } from 'payload'
import type { z } from 'zod'
import { RequestError } from './errors'

/** Reads a JSON body and validates it; a bad body is a 400 that names each field. */
export async function parseBody<Schema extends z.ZodType>(
  req: PayloadRequest,
  schema: Schema,
  collection?: string,
): Promise<z.infer<Schema>> {
  return validateBody(await readJsonObject(req), schema, collection)
}

/** The request's JSON body, which must be an object (a 400 otherwise). */
export async function readJsonObject(req: PayloadRequest): Promise<object> {
  const body: unknown = req.json ? await req.json().catch(() => undefined) : undefined
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new RequestError('The request body must be a JSON object.', 400)
  }
  return body
}

/** Validates a body read already; a 400 that names each bad field. */
export function validateBody<Schema extends z.ZodType>(
  body: unknown,
  schema: Schema,
  collection?: string,
): z.infer<Schema> {
  const result = schema.safeParse(body)
  if (!result.success) {
    throw new ValidationError({
      collection,
      errors: result.error.issues.map((issue) => ({
        path: issue.path.join('.') || 'body',
        message: issue.message,
      })),
    })
  }
  return result.data
}

/** A JSON response that carries the CORS headers Payload's own routes carry. */
export function json(
  req: PayloadRequest,
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const headers = headersWithCors({ headers: new Headers(init.headers), req })
  return Response.json(body, { status: init.status ?? 200, headers })
}

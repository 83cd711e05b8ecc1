import type { z } from 'zod'

import { CmsError, CmsUnavailableError } from './cms'

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  })
}

/** Reads a JSON body; null when it is not JSON or does not match the schema. */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.infer<T> | null> {
  if (!request.headers.get('content-type')?.includes('application/json')) return null
  const body = await request.json().catch(() => undefined)
  const parsed = schema.safeParse(body)
  return parsed.success ? parsed.data : null
}

/**
 * A message a visitor may read: the CMS's own message for a refused request
 * (its messages are written for people), a generic one for anything else.
 */
export function visitorMessage(error: unknown): {
  message: string
  status: number
  code?: string
} {
  if (error instanceof CmsUnavailableError) {
    return {
      message: 'The service is temporarily unavailable. Please try again shortly.',
      status: 503,
    }
  }
  if (error instanceof CmsError && error.status >= 400 && error.status < 500) {
    return { message: error.message, status: error.status, code: error.code }
  }
  return { message: 'Something went wrong. Please try again.', status: 500 }
}

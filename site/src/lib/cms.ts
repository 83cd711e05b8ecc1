import { z } from 'zod'

import { currentRequestId } from './requestContext'

/**
 * The CMS answered with an error status; `status` is kept so pages can map 401/404/409, and
 * the machine `code` and the field's `path`, when the CMS names them, so forms decide by code.
 */
export class CmsError extends Error {
  readonly status: number
  readonly code: string | undefined
  readonly path: string | undefined
  /** Everything the CMS put in `errors[0].data` (e.g. the refund deadline beside its code). */
  readonly data: Record<string, unknown> | undefined
  constructor(
    status: number,
    message: string,
    options?: ErrorOptions & { code?: string; path?: string; data?: Record<string, unknown> },
  ) {
    super(message, options)
    this.name = 'CmsError'
    this.status = status
    this.code = options?.code
    this.path = options?.path
    this.data = options?.data
  }
}

/** The CMS could not be reached at all (down, refused, timed out). */
export class CmsUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The CMS is unavailable.', { cause })
    this.name = 'CmsUnavailableError'
  }
}

const cmsErrorBodySchema = z.object({
  errors: z
    .array(
      z.object({
        message: z.string(),
        data: z
          .looseObject({
            code: z.string().optional(),
            path: z.string().optional(),
            // Payload's ValidationError lists each invalid field.
            errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
          })
          .nullish()
          .catch(undefined),
      }),
    )
    .min(1),
})

export type CmsRequest = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  query?: URLSearchParams | Record<string, string | number | undefined>
  body?: unknown
  /** The visitor's Payload token; requests without it are anonymous. */
  token?: string
  /** The visitor's address, so the CMS's per-client rate limits count people, not the site. */
  clientAddress?: string
  timeoutMs?: number
}

export type CmsResponse<T> = { data: T; setCookie: string[] }

export type CmsClient = {
  baseUrl: string
  request<T extends z.ZodType>(
    path: string,
    schema: T,
    options?: CmsRequest,
  ): Promise<CmsResponse<z.infer<T>>>
}

function toSearchParams(query: CmsRequest['query']): string {
  if (!query) return ''
  const params =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query)
            .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
            .map(([key, value]) => [key, String(value)]),
        )
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** A typed REST client for the CMS: validates every answer with zod and throws on !ok. */
export function createCmsClient(baseUrl: string): CmsClient {
  const root = baseUrl.replace(/\/$/, '')
  return {
    baseUrl: root,
    async request(
      path,
      schema,
      { method = 'GET', query, body, token, clientAddress, timeoutMs = 8000 } = {},
    ) {
      const headers: Record<string, string> = { Accept: 'application/json' }
      if (body !== undefined) headers['Content-Type'] = 'application/json'
      if (token) headers.Authorization = `JWT ${token}`
      if (clientAddress) headers['X-Forwarded-For'] = clientAddress
      const requestId = currentRequestId()
      if (requestId) headers['X-Request-Id'] = requestId
      let response: Response
      try {
        response = await fetch(`${root}${path}${toSearchParams(query)}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (error) {
        throw new CmsUnavailableError(error)
      }
      const text = await response.text()
      let json: unknown
      try {
        json = text ? JSON.parse(text) : null
      } catch {
        json = null
      }
      if (!response.ok) {
        if (response.status >= 502 && response.status <= 504) {
          throw new CmsUnavailableError(new Error(`HTTP ${response.status}`))
        }
        const parsed = cmsErrorBodySchema.safeParse(json)
        if (!parsed.success) {
          throw new CmsError(response.status, `Request failed (${response.status}).`)
        }
        const [first] = parsed.data.errors
        const field = first!.data?.errors?.[0]
        throw new CmsError(response.status, field?.message ?? first!.message, {
          code: first!.data?.code,
          path: first!.data?.path ?? field?.path,
          data: first!.data ?? undefined,
        })
      }
      const parsed = schema.safeParse(json)
      if (!parsed.success) {
        // The details go to the server log (through `cause`), never to a visitor.
        throw new CmsError(502, 'The CMS sent an unexpected answer.', {
          cause: { path, issues: parsed.error.issues.slice(0, 3), body: text.slice(0, 300) },
        })
      }
      return { data: parsed.data, setCookie: response.headers.getSetCookie() }
    },
  }
}

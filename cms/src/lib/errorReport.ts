import { processLogger } from './logging'

type RequestInfo = {
  path: string
  method: string
  headers: Record<string, string | string[] | undefined>
}
type ErrorContext = { routerKind: string; routePath: string; routeType: string }

/**
 * Next's onRequestError hook: one JSON line with what an operator needs to find
 * the request (id, method, route) and nothing a client sent as a credential.
 */
export function reportRequestError(
  error: unknown,
  request: RequestInfo,
  context: ErrorContext,
): void {
  const requestId = request.headers['x-request-id']
  const err = error as Error & { digest?: string }
  processLogger().error(
    {
      err: { type: err?.name, message: err?.message, stack: err?.stack, digest: err?.digest },
      requestId: Array.isArray(requestId) ? requestId[0] : requestId,
      method: request.method,
      path: request.path.split('?')[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    'request failed',
  )
}

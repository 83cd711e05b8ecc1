import { NextResponse, type NextRequest } from 'next/server'

import { MAX_JSON_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from './lib/securityHeaders'

const isUpload = (pathname: string): boolean =>
  pathname === '/api/media' || pathname.startsWith('/api/media/')

/**
 * Every API request carries an x-request-id (the proxy's, or a new one) into
 * the handlers and back to the client, and a declared body over the limit is
 * refused before anything reads it.
 */
export function proxy(request: NextRequest): NextResponse {
  const requestId = request.headers.get('x-request-id')?.slice(0, 128) || crypto.randomUUID()
  const declaredLength = Number(request.headers.get('content-length') ?? 0)
  const limit = isUpload(request.nextUrl.pathname) ? MAX_UPLOAD_BODY_BYTES : MAX_JSON_BODY_BYTES
  if (declaredLength > limit) {
    return NextResponse.json(
      { errors: [{ message: `The request body is larger than ${limit / 1024 / 1024} MB.` }] },
      { status: 413, headers: { 'x-request-id': requestId } },
    )
  }
  const headers = new Headers(request.headers)
  headers.set('x-request-id', requestId)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('x-request-id', requestId)
  return response
}

export const config = { matcher: ['/api/:path*'] }

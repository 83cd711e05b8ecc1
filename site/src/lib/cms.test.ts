import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'

import { CmsError, createCmsClient } from './cms'
import { withRequestContext } from './requestContext'

let server: http.Server
let baseUrl: string
const seen: http.IncomingHttpHeaders[] = []
const errorBodies: Record<string, unknown> = {
  '/coded': {
    errors: [
      {
        message: 'Enter your current password to change your email.',
        data: { path: 'currentPassword', code: 'CURRENT_PASSWORD_REQUIRED' },
      },
    ],
  },
  '/invalid': {
    errors: [
      {
        name: 'ValidationError',
        message: 'The following field is invalid: email',
        data: {
          collection: 'users',
          errors: [{ path: 'email', message: 'A user with the given email is registered.' }],
        },
      },
    ],
  },
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers)
    const error = errorBodies[req.url ?? '']
    if (error) {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify(error))
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('the cms client', () => {
  it('carries the request id of the page being served into its calls to cms', async () => {
    const cms = createCmsClient(baseUrl)
    await withRequestContext({ requestId: 'req-abc-123' }, () =>
      cms.request('/api/events', z.object({ ok: z.boolean() })),
    )
    expect(seen.at(-1)?.['x-request-id']).toBe('req-abc-123')
    // Outside a request (start-up, background refresh) there is no id to send.
    await cms.request('/api/events', z.object({ ok: z.boolean() }))
    expect(seen.at(-1)?.['x-request-id']).toBeUndefined()
  })

  it('sends the visitor’s address and session token when given', async () => {
    const cms = createCmsClient(baseUrl)
    await cms.request('/api/auth/me', z.object({ ok: z.boolean() }), {
      token: 'tok',
      clientAddress: '198.51.100.7',
    })
    expect(seen.at(-1)).toMatchObject({
      authorization: 'JWT tok',
      'x-forwarded-for': '198.51.100.7',
    })
  })

  it('keeps the machine code and the field the CMS names, so forms decide by code', async () => {
    const cms = createCmsClient(baseUrl)
    const coded = await cms.request('/coded', z.unknown()).catch((error: unknown) => error)
    expect(coded).toBeInstanceOf(CmsError)
    expect(coded).toMatchObject({
      status: 400,
      code: 'CURRENT_PASSWORD_REQUIRED',
      path: 'currentPassword',
    })
    const invalid = await cms.request('/invalid', z.unknown()).catch((error: unknown) => error)
    expect(invalid).toMatchObject({
      status: 400,
      path: 'email',
      message: 'A user with the given email is registered.',
    })
  })
})

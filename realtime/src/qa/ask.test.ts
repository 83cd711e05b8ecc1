import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCmsClient } from '../cms.ts'
import { askSchema } from '../schemas.ts'

// A stand-in for cms's POST /api/chat-messages/batch that stores what it is sent, as cms would.
let server: http.Server
let cmsUrl = ''
const received: unknown[] = []

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const { posts } = JSON.parse(body) as { posts: { data: Record<string, unknown> }[] }
    received.push(...posts.map((post) => post.data))
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(
      JSON.stringify({
        results: posts.map(({ data }) => ({
          status: 201,
          doc: { id: 1, ...data, user: 3, sentAt: new Date().toISOString(), authorName: 'Alice' },
        })),
      }),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('qa:ask with a session', () => {
  it('accepts an optional positive session id and nothing else', () => {
    expect(askSchema.safeParse({ eventId: 1, text: 'Hi', sessionId: 4 }).success).toBe(true)
    expect(askSchema.safeParse({ eventId: 1, text: 'Hi' }).success).toBe(true)
    expect(askSchema.safeParse({ eventId: 1, text: 'Hi', sessionId: 'x' }).success).toBe(false)
    expect(askSchema.safeParse({ eventId: 1, text: 'Hi', sessionId: -2 }).success).toBe(false)
  })

  it('forwards the session to cms and hands back the stored question with it', async () => {
    const cms = createCmsClient(cmsUrl, { payloadSecret: 'test-secret' })
    const question = await cms.createMessage('token', {
      event: 7,
      message: 'Which room?',
      kind: 'question',
      session: 12,
    })
    expect(received.at(-1)).toMatchObject({ event: 7, session: 12, kind: 'question' })
    expect(question).toMatchObject({ eventId: 7, sessionId: 12, kind: 'question' })
    const chat = await cms.createMessage('token', {
      event: 7,
      message: 'Hello',
      kind: 'chat',
    })
    expect(chat.sessionId).toBeNull()
  })
})

// A small REST client for the cms, the owner of users, registrations and chat
// data. Every call carries the end user's own token, so cms access rules apply.
import { z } from 'zod'

import type { ChatMessage, ChatUser } from './events.ts'

/** cms could not be reached or failed: the caller answers UNAVAILABLE. */
export class CmsUnavailableError extends Error {}

/** cms refused or rejected the request (status 4xx). */
export class CmsRequestError extends Error {
  status: number
  body: unknown
  constructor(status: number, body: unknown) {
    super(`cms answered ${status}`)
    this.status = status
    this.body = body
  }
}

const idOf = z.union([z.number(), z.object({ id: z.number() }).transform((value) => value.id)])

const userSchema = z.object({
  id: z.number(),
  name: z.string().default(''),
  role: z.enum(['user', 'organizer', 'admin']),
})

const eventSchema = z.object({
  id: z.number(),
  startTime: z.string(),
  organizer: idOf,
  status: z.string(),
})
export type CmsEvent = z.infer<typeof eventSchema>

const messageDocSchema = z.object({
  id: z.number(),
  event: idOf,
  user: idOf,
  authorName: z.string().nullish(),
  message: z.string(),
  kind: z.enum(['chat', 'question']),
  sentAt: z.string(),
  offsetSeconds: z.number().nullish(),
  upvotes: z.number().nullish(),
  answered: z.boolean().nullish(),
  pinned: z.boolean().nullish(),
  hidden: z.boolean().nullish(),
  clientId: z.string().nullish(),
})

const toChatMessage = (doc: z.infer<typeof messageDocSchema>): ChatMessage => ({
  id: doc.id,
  eventId: doc.event,
  kind: doc.kind,
  text: doc.message,
  author: { id: doc.user, name: doc.authorName ?? 'Attendee' },
  sentAt: doc.sentAt,
  offsetSeconds: doc.offsetSeconds ?? null,
  upvotes: doc.upvotes ?? 0,
  answered: doc.answered ?? false,
  pinned: doc.pinned ?? false,
  hidden: doc.hidden ?? false,
  clientId: doc.clientId ?? null,
})

const listOf = <T extends z.ZodType>(doc: T) =>
  z.object({ docs: z.array(doc), hasNextPage: z.boolean().default(false), totalDocs: z.number() })

const moderationDocSchema = z.object({
  id: z.number(),
  action: z.string(),
  until: z.string().nullish(),
  createdAt: z.string(),
})

type Query = Record<string, string | number | boolean>

export type CmsClient = ReturnType<typeof createCmsClient>

/**
 * Remembers answers for a short time and shares in-flight requests, so a burst
 * of connections (a talk starting, a node restarting) costs cms one request
 * per user instead of one per socket.
 */
function shortLived<T>(ttlMs: number) {
  const entries = new Map<string, { value: Promise<T>; expiresAt: number }>()
  const get = (
    key: string,
    load: () => Promise<T>,
    shouldKeep: (value: T) => boolean = () => true,
  ) => {
    const now = Date.now()
    const hit = entries.get(key)
    if (hit && hit.expiresAt > now) return hit.value
    if (entries.size > 10_000) entries.clear()
    const value = load()
    entries.set(key, { value, expiresAt: now + ttlMs })
    value.then(
      (result) => {
        if (!shouldKeep(result)) entries.delete(key)
      },
      () => entries.delete(key),
    )
    return value
  }
  return Object.assign(get, { forget: (key: string) => entries.delete(key) })
}

export function createCmsClient(baseUrl: string, { timeoutMs = 10_000 } = {}) {
  async function request(
    method: string,
    path: string,
    token: string | null,
    { query, body }: { query?: Query; body?: unknown } = {},
  ): Promise<unknown> {
    const url = new URL(`/api${path}`, baseUrl)
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value))
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: {
          Accept: 'application/json',
          ...(token ? { Authorization: `JWT ${token}` } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new CmsUnavailableError(`cms unreachable: ${(error as Error).message}`)
    }
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw new CmsUnavailableError(`cms answer unreadable: ${(error as Error).message}`)
    }
    let parsed: unknown
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = text
    }
    if (response.status >= 500) throw new CmsUnavailableError(`cms answered ${response.status}`)
    if (!response.ok) throw new CmsRequestError(response.status, parsed)
    return parsed
  }

  const orNull = async <T>(promise: Promise<T>): Promise<T | null> => {
    try {
      return await promise
    } catch (error) {
      if (error instanceof CmsRequestError && [401, 403, 404].includes(error.status)) return null
      throw error
    }
  }

  const sessions = shortLived<ChatUser | null>(10_000)
  const events = shortLived<CmsEvent | null>(30_000)
  const seats = shortLived<boolean>(15_000)

  async function fetchMe(token: string): Promise<ChatUser | null> {
    const body = await orNull(request('GET', '/auth/me', token))
    const parsed = z.object({ user: userSchema }).safeParse(body)
    return parsed.success ? parsed.data.user : null
  }

  return {
    /** The user of a session token, or null when cms does not accept it. */
    me(token: string, { isFresh = false } = {}): Promise<ChatUser | null> {
      // A fresh answer also replaces the remembered one (a logout is seen at once).
      if (isFresh) sessions.forget(token)
      return sessions(
        token,
        () => fetchMe(token),
        (user) => user !== null,
      )
    },

    /** Published events are public; organizers and admins may also read unpublished ones. */
    event(token: string, eventId: number): Promise<CmsEvent | null> {
      return events(`${eventId}:${token}`, async () => {
        const body = await orNull(
          request('GET', `/events/${eventId}`, token, { query: { depth: 0 } }),
        )
        return body === null ? null : eventSchema.parse(body)
      })
    },

    hasConfirmedSeat(token: string, eventId: number, userId: number): Promise<boolean> {
      const load = async () => {
        const body = await request('GET', '/registrations', token, {
          query: {
            'where[event][equals]': eventId,
            'where[user][equals]': userId,
            'where[status][equals]': 'confirmed',
            limit: 1,
            depth: 0,
          },
        })
        return z.object({ totalDocs: z.number() }).parse(body).totalDocs > 0
      }
      // Only a seat is remembered: someone who just registered must not wait to get in.
      return seats(`${eventId}:${userId}`, load, (hasSeat) => hasSeat)
    },

    async createMessage(
      token: string,
      data: {
        event: number
        user: number
        message: string
        kind: 'chat' | 'question'
        clientId?: string
      },
    ): Promise<ChatMessage> {
      const body = await request('POST', '/chat-messages', token, {
        body: data,
        query: { depth: 0 },
      })
      return toChatMessage(z.object({ doc: messageDocSchema }).parse(body).doc)
    },

    async messageByClientId(token: string, userId: number, clientId: string) {
      const body = await request('GET', '/chat-messages', token, {
        query: {
          'where[user][equals]': userId,
          'where[clientId][equals]': clientId,
          limit: 1,
          depth: 0,
        },
      })
      const doc = listOf(messageDocSchema).parse(body).docs[0]
      return doc ? toChatMessage(doc) : null
    },

    async message(token: string, messageId: number): Promise<ChatMessage | null> {
      const body = await orNull(
        request('GET', `/chat-messages/${messageId}`, token, { query: { depth: 0 } }),
      )
      return body === null ? null : toChatMessage(messageDocSchema.parse(body))
    },

    /** Newest first, older than `before` (a message id) when given. */
    async messages(
      token: string,
      eventId: number,
      {
        kind,
        before,
        limit,
        sort = '-id',
      }: { kind: 'chat' | 'question'; before?: number; limit: number; sort?: string },
    ) {
      const body = await request('GET', '/chat-messages', token, {
        query: {
          'where[event][equals]': eventId,
          'where[kind][equals]': kind,
          'where[hidden][not_equals]': true,
          ...(before ? { 'where[id][less_than]': before } : {}),
          sort,
          limit,
          depth: 0,
        },
      })
      const page = listOf(messageDocSchema).parse(body)
      return { messages: page.docs.map(toChatMessage), hasNextPage: page.hasNextPage }
    },

    async updateMessage(
      token: string,
      messageId: number,
      data: { hidden?: boolean; answered?: boolean; pinned?: boolean },
    ): Promise<ChatMessage> {
      const body = await request('PATCH', `/chat-messages/${messageId}`, token, {
        body: data,
        query: { depth: 0 },
      })
      return toChatMessage(z.object({ doc: messageDocSchema }).parse(body).doc)
    },

    /** Hides every visible message of the event; returns the ids hidden. */
    async hideAll(token: string, eventId: number): Promise<number[]> {
      const body = await request('PATCH', '/chat-messages', token, {
        body: { hidden: true },
        query: {
          'where[event][equals]': eventId,
          'where[hidden][not_equals]': true,
          limit: 0,
          depth: 0,
        },
      })
      return z
        .object({ docs: z.array(z.object({ id: z.number() })) })
        .parse(body)
        .docs.map((d) => d.id)
    },

    async myVotes(token: string, userId: number, eventId: number) {
      const body = await request('GET', '/chat-votes', token, {
        query: {
          'where[user][equals]': userId,
          'where[message.event][equals]': eventId,
          limit: 0,
          depth: 0,
        },
      })
      return z
        .object({ docs: z.array(z.object({ id: z.number(), message: idOf })) })
        .parse(body)
        .docs.map((vote) => ({ id: vote.id, messageId: vote.message }))
    },

    /** Casts or takes back the caller's vote in one cms transaction (concurrent clicks stay consistent). */
    async toggleVote(token: string, messageId: number) {
      const body = await request('POST', '/chat-votes/toggle', token, {
        body: { message: messageId },
      })
      return z
        .object({ messageId: z.number(), upvotes: z.number(), hasVoted: z.boolean() })
        .parse(body)
    },

    async recordModeration(
      token: string,
      data: {
        event: number
        action: string
        targetUser?: number
        targetMessage?: number
        until?: string
        slowModeSeconds?: number
        reason?: string
      },
    ) {
      await request('POST', '/chat-moderation-actions', token, { body: data, query: { depth: 0 } })
    },

    /** The latest mute/ban decisions about this user in the event (they may read their own). */
    async restrictionsOf(token: string, eventId: number, userId: number) {
      const body = await request('GET', '/chat-moderation-actions', token, {
        query: {
          'where[event][equals]': eventId,
          'where[targetUser][equals]': userId,
          'where[action][in]': 'mute,unmute,ban,unban',
          sort: '-createdAt',
          limit: 50,
          depth: 0,
        },
      })
      const docs = listOf(moderationDocSchema).parse(body).docs
      const latest = (actions: string[]) => docs.find((doc) => actions.includes(doc.action))
      const ban = latest(['ban', 'unban'])
      const mute = latest(['mute', 'unmute'])
      const mutedUntil =
        mute?.action === 'mute' && mute.until && Date.parse(mute.until) > Date.now()
          ? mute.until
          : null
      return { isBanned: ban?.action === 'ban', mutedUntil }
    },
  }
}

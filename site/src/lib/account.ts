import { z } from 'zod'

import { CmsError, type CmsClient } from './cms'
import type { OrderRequest } from '@event-portal/cms/contract'

import {
  cancellationQuoteSchema,
  claimInfoSchema,
  cancellationResultSchema,
  paymentSchema,
  registrationSchema,
  streamAccessSchema,
  userSchema,
  type CancellationResult,
  type ClaimInfo,
  type StreamAccess,
  type Registration,
  type User,
} from './schemas'

/** Payload's session cookie; the cms and the site share it on one host. */
export const AUTH_COOKIE = 'payload-token'

const authResultSchema = z.object({ user: userSchema, token: z.string(), exp: z.number() })
export type AuthResult = z.infer<typeof authResultSchema>
// Payload answers a password reset without `exp`; the token carries it.
const resetResultSchema = z.object({ user: userSchema, token: z.string() })
const tokenClaimsSchema = z.object({ exp: z.number() })

/** The expiry (seconds since the epoch) of a token the CMS just issued. */
function expiryOf(token: string): number {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())
    return tokenClaimsSchema.parse(claims).exp
  } catch (error) {
    throw new CmsError(502, 'The CMS sent an unexpected answer.', { cause: error })
  }
}

const registrationDocSchema = z.object({ doc: registrationSchema })
const registrationList = z.object({ docs: z.array(registrationSchema) })
const checkoutSchema = z.object({
  url: z.string(),
  registration: z.union([registrationSchema, z.number()]).optional(),
})
const freeOrderSchema = z.object({
  doc: registrationSchema,
  docs: z.array(registrationSchema).optional(),
})
const messageSchema = z.unknown()
const profileUpdateSchema = z.object({ doc: userSchema.pick({ name: true, email: true }) })

/** Calls made on behalf of one visitor: personal, so never cached. */
export function createAccountApi(cms: CmsClient) {
  return {
    async me(token: string): Promise<User | null> {
      try {
        return (await cms.request('/api/auth/me', z.object({ user: userSchema }), { token })).data
          .user
      } catch (error) {
        if (error instanceof CmsError && (error.status === 401 || error.status === 403)) return null
        throw error
      }
    },

    async logIn(email: string, password: string, clientAddress?: string): Promise<AuthResult> {
      return (
        await cms.request('/api/auth/login', authResultSchema, {
          method: 'POST',
          body: { email, password },
          clientAddress,
        })
      ).data
    },

    async signUp(
      name: string,
      email: string,
      password: string,
      clientAddress?: string,
    ): Promise<AuthResult> {
      return (
        await cms.request('/api/auth/register', authResultSchema, {
          method: 'POST',
          body: { name, email, password },
          clientAddress,
        })
      ).data
    },

    async logOut(token: string): Promise<void> {
      await cms.request('/api/auth/logout', messageSchema, { method: 'POST', token })
    },

    async forgotPassword(email: string, clientAddress?: string): Promise<void> {
      await cms.request('/api/users/forgot-password', messageSchema, {
        method: 'POST',
        body: { email },
        clientAddress,
      })
    },

    async resetPassword(
      resetToken: string,
      password: string,
      clientAddress?: string,
    ): Promise<AuthResult> {
      const { data } = await cms.request('/api/users/reset-password', resetResultSchema, {
        method: 'POST',
        body: { token: resetToken, password },
        clientAddress,
      })
      return { ...data, exp: expiryOf(data.token) }
    },

    /**
     * The owner's own profile. Changing the email or password carries the current password,
     * which the CMS checks (400 CURRENT_PASSWORD_REQUIRED / CURRENT_PASSWORD_WRONG).
     */
    async updateProfile(
      userId: number,
      token: string,
      data: { name?: string; email?: string; password?: string; currentPassword?: string },
    ): Promise<Pick<User, 'name' | 'email'>> {
      return (
        await cms.request(`/api/users/${userId}`, profileUpdateSchema, {
          method: 'PATCH',
          body: data,
          token,
        })
      ).data.doc
    },

    /** The watch page's access: the player's source and token, or a CmsError saying why not. */
    async streamAccess(eventId: number, token: string): Promise<StreamAccess> {
      return (await cms.request(`/api/events/${eventId}/stream`, streamAccessSchema, { token }))
        .data
    },

    async myRegistrations(token: string): Promise<Registration[]> {
      return (
        await cms.request('/api/registrations/me', registrationList, {
          token,
          query: { depth: 2 },
        })
      ).data.docs
    },

    async getRegistration(id: number, token: string): Promise<Registration> {
      return (
        await cms.request(`/api/registrations/${id}`, registrationSchema, {
          token,
          query: { depth: 2 },
        })
      ).data
    },

    async register(eventId: number, token: string, waitlist = false): Promise<Registration> {
      return (
        await cms.request('/api/registrations', registrationDocSchema, {
          method: 'POST',
          body: waitlist ? { event: eventId, waitlist: true } : { event: eventId },
          token,
        })
      ).data.doc
    },

    /** What cancelling would do to the money, asked before the visitor confirms. */
    async cancellationQuote(registrationId: number, token: string) {
      return (
        await cms.request(
          `/api/registrations/${registrationId}/cancellation`,
          cancellationQuoteSchema,
          { token },
        )
      ).data
    },

    async cancel(registrationId: number, token: string): Promise<CancellationResult> {
      return (
        await cms.request(`/api/registrations/${registrationId}`, cancellationResultSchema, {
          method: 'DELETE',
          token,
          timeoutMs: 20_000,
        })
      ).data
    },

    async checkout(eventId: number, token: string): Promise<{ url: string }> {
      return (
        await cms.request('/api/payments/checkout', checkoutSchema, {
          method: 'POST',
          body: { event: eventId },
          token,
        })
      ).data
    },

    /**
     * An order of tickets (docs/tickets.md): a paid one opens checkout and answers its URL, a
     * free one confirms every ticket at once.
     */
    async order(order: OrderRequest, token: string, isPaid: boolean) {
      if (isPaid) {
        const { data } = await cms.request('/api/payments/checkout', checkoutSchema, {
          method: 'POST',
          body: order,
          token,
          timeoutMs: 20_000,
        })
        return { url: data.url, registrations: [] as Registration[] }
      }
      const { data } = await cms.request('/api/registrations', freeOrderSchema, {
        method: 'POST',
        body: order,
        token,
        timeoutMs: 20_000,
      })
      return { url: null, registrations: data.docs ?? [data.doc] }
    },

    /** Whose ticket a claim link is; anyone holding the link may ask. */
    async claimInfo(claimToken: string): Promise<ClaimInfo> {
      return (
        await cms.request('/api/registrations/claim', claimInfoSchema, {
          query: { token: claimToken },
        })
      ).data
    },

    /** Makes the ticket the logged-in visitor's (the CMS checks the email matches). */
    async claim(claimToken: string, token: string): Promise<{ message: string }> {
      const { data } = await cms.request(
        '/api/registrations/claim',
        z.object({ message: z.string().optional().default('The ticket is yours.') }),
        { method: 'POST', body: { token: claimToken }, token },
      )
      return data
    },

    async payment(id: number, token: string) {
      return (await cms.request(`/api/payments/${id}`, paymentSchema, { token })).data
    },
  }
}

export type AccountApi = ReturnType<typeof createAccountApi>

export function isOrganizer(user: User | null | undefined): boolean {
  return user?.role === 'organizer' || user?.role === 'admin'
}

const paymentWithRegistrationList = z.object({
  docs: z.array(
    paymentSchema.extend({ registration: z.union([registrationSchema, z.number()]).nullish() }),
  ),
})

/**
 * The registration a Checkout session paid for, as the CMS sees it now. The
 * redirect from the payment page proves nothing; only the webhook confirms.
 */
export async function registrationForCheckout(
  cms: CmsClient,
  sessionId: string,
  token: string,
): Promise<Registration | null> {
  const { data } = await cms.request('/api/payments', paymentWithRegistrationList, {
    token,
    query: { 'where[checkoutSessionId][equals]': sessionId, depth: 2, limit: 1 },
  })
  const registration = data.docs[0]?.registration
  return registration && typeof registration === 'object' ? registration : null
}

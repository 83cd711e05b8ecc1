import { ActionError, defineAction } from 'astro:actions'
import { z } from 'zod'

import { AUTH_COOKIE, type AuthResult } from '../lib/account'
import { CmsError, CmsUnavailableError } from '../lib/cms'
import { profileFieldErrors, type ProfileFieldErrors } from '../lib/profile'
import type { User } from '../lib/schemas'
import { account, isSecureSite } from '../lib/site'

type Cookies = Parameters<Parameters<typeof defineAction>[0]['handler']>[1]['cookies']

/** Mirrors the CMS's session cookie on the site, which the browser talks to. */
function setSession(cookies: Cookies, { token, exp }: AuthResult) {
  cookies.set(AUTH_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureSite,
    expires: new Date(exp * 1000),
  })
}

function toActionError(error: unknown, fallback: string): ActionError {
  if (error instanceof CmsUnavailableError) {
    return new ActionError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The service is temporarily unavailable. Please try again shortly.',
    })
  }
  if (error instanceof CmsError && error.status >= 400 && error.status < 500) {
    const code =
      error.status === 401
        ? 'UNAUTHORIZED'
        : error.status === 409
          ? 'CONFLICT'
          : error.status === 429
            ? 'TOO_MANY_REQUESTS'
            : 'BAD_REQUEST'
    return new ActionError({ code, message: error.message || fallback })
  }
  return new ActionError({ code: 'INTERNAL_SERVER_ERROR', message: fallback })
}

type ProfileResult = { saved: 'name' | 'email' | 'password' } | { fieldErrors: ProfileFieldErrors }

/**
 * A profile change as the signed-in owner. A refusal that belongs to a field comes back as
 * `fieldErrors` (shown beside that field); anything else is the form's general error.
 */
async function changeProfile(
  locals: App.Locals,
  change: (userId: number, token: string) => Promise<Pick<User, 'name' | 'email'>>,
  saved: 'name' | 'email' | 'password',
): Promise<ProfileResult> {
  const { user, token } = locals
  if (!user || !token) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Log in first.' })
  try {
    const updated = await change(user.id, token)
    // The page renders after this action in the same request: it shows the saved values.
    locals.user = { ...user, ...updated }
    return { saved }
  } catch (error) {
    const fieldErrors = profileFieldErrors(error)
    if (fieldErrors) return { fieldErrors }
    throw toActionError(error, 'Could not save your change. Please try again.')
  }
}

type ActionContext = Parameters<Parameters<typeof defineAction>[0]['handler']>[1]

/**
 * After an email or password change, a fresh session with the new credentials, in case the
 * CMS ends the old one. The change itself is saved already, so a failed login only means the
 * visitor logs in again by hand.
 */
async function renewSession(context: ActionContext, address: string, password: string) {
  try {
    const session = await account.logIn(address, password, context.clientAddress)
    setSession(context.cookies, session)
  } catch {
    // Keep the current cookie; if it no longer holds, the next page asks to log in.
  }
}

const email = z.email('Enter a valid email address.').max(254)
const password = z.string().min(1, 'Enter your password.').max(200)
const newPassword = z.string().min(8, 'Use at least 8 characters.').max(200)
const currentPassword = z.string().min(1, 'Enter your current password.').max(200)

export const server = {
  logIn: defineAction({
    accept: 'form',
    input: z.object({ email, password }),
    handler: async (input, context) => {
      try {
        const result = await account.logIn(input.email, input.password, context.clientAddress)
        setSession(context.cookies, result)
        return { name: result.user.name }
      } catch (error) {
        if (error instanceof CmsError && error.status === 401) {
          throw new ActionError({
            code: 'UNAUTHORIZED',
            message: 'That email and password do not match an account.',
          })
        }
        throw toActionError(error, 'Could not log you in. Please try again.')
      }
    },
  }),

  signUp: defineAction({
    accept: 'form',
    input: z.object({
      name: z.string().trim().min(1, 'Enter your name.').max(120),
      email,
      password: newPassword,
    }),
    handler: async (input, context) => {
      try {
        const result = await account.signUp(
          input.name,
          input.email,
          input.password,
          context.clientAddress,
        )
        setSession(context.cookies, result)
        return { name: result.user.name }
      } catch (error) {
        throw toActionError(error, 'Could not create your account. Please try again.')
      }
    },
  }),

  forgotPassword: defineAction({
    accept: 'form',
    input: z.object({ email }),
    handler: async (input, context) => {
      try {
        await account.forgotPassword(input.email, context.clientAddress)
      } catch (error) {
        // The answer is the same whether or not the address has an account.
        if (error instanceof CmsUnavailableError) throw toActionError(error, '')
      }
      return { email: input.email }
    },
  }),

  resetPassword: defineAction({
    accept: 'form',
    input: z.object({ token: z.string().min(1).max(500), password: newPassword }),
    handler: async (input, context) => {
      try {
        const result = await account.resetPassword(
          input.token,
          input.password,
          context.clientAddress,
        )
        setSession(context.cookies, result)
        return { ok: true }
      } catch (error) {
        throw toActionError(error, 'This reset link is invalid or has expired.')
      }
    },
  }),

  cancelRegistration: defineAction({
    accept: 'form',
    input: z.object({ registration: z.coerce.number().int().positive() }),
    handler: async (input, context) => {
      const token = context.locals.token
      if (!token) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Log in first.' })
      try {
        const result = await account.cancel(input.registration, token)
        return { cancelled: input.registration, message: result.message, refund: result.refund }
      } catch (error) {
        throw toActionError(error, 'Could not cancel this registration. Please try again.')
      }
    },
  }),

  claimTicket: defineAction({
    accept: 'form',
    input: z.object({ token: z.string().min(1).max(200) }),
    handler: async (input, context) => {
      const token = context.locals.token
      if (!token) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Log in first.' })
      try {
        return await account.claim(input.token, token)
      } catch (error) {
        // The ticket is for another address: say which, so the visitor logs in with it.
        if (error instanceof CmsError && error.code === 'CLAIM_EMAIL_MISMATCH') {
          const email = typeof error.data?.email === 'string' ? error.data.email : 'another address'
          throw new ActionError({
            code: 'FORBIDDEN',
            message: `This ticket is for ${email}. Log out and log in (or sign up) with that address to claim it.`,
          })
        }
        throw toActionError(error, 'Could not claim this ticket. Please try again.')
      }
    },
  }),

  updateName: defineAction({
    accept: 'form',
    input: z.object({ name: z.string().trim().min(1, 'Enter your name.').max(120) }),
    handler: (input, context) =>
      changeProfile(
        context.locals,
        (userId, token) => account.updateProfile(userId, token, { name: input.name }),
        'name',
      ),
  }),

  changeEmail: defineAction({
    accept: 'form',
    input: z.object({ email, currentPassword }),
    handler: (input, context) =>
      changeProfile(
        context.locals,
        async (userId, token) => {
          const updated = await account.updateProfile(userId, token, {
            email: input.email,
            currentPassword: input.currentPassword,
          })
          await renewSession(context, input.email, input.currentPassword)
          return updated
        },
        'email',
      ),
  }),

  changePassword: defineAction({
    accept: 'form',
    input: z
      .object({ currentPassword, newPassword, confirmPassword: z.string().max(200) })
      .refine((input) => input.newPassword === input.confirmPassword, {
        message: 'The two new passwords differ.',
        path: ['confirmPassword'],
      }),
    handler: (input, context) =>
      changeProfile(
        context.locals,
        async (userId, token) => {
          const updated = await account.updateProfile(userId, token, {
            password: input.newPassword,
            currentPassword: input.currentPassword,
          })
          if (updated.email) await renewSession(context, updated.email, input.newPassword)
          return updated
        },
        'password',
      ),
  }),
}

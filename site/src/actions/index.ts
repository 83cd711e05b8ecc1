import { ActionError, defineAction } from 'astro:actions'
import { z } from 'zod'

import { AUTH_COOKIE, type AuthResult } from '../lib/account'
import { CmsError, CmsUnavailableError } from '../lib/cms'
import { account } from '../lib/site'

type Cookies = Parameters<Parameters<typeof defineAction>[0]['handler']>[1]['cookies']

/** Mirrors the CMS's session cookie on the site, which the browser talks to. */
function setSession(cookies: Cookies, { token, exp }: AuthResult, isSecure: boolean) {
  cookies.set(AUTH_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure,
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

const email = z.email('Enter a valid email address.').max(254)
const password = z.string().min(1, 'Enter your password.').max(200)
const newPassword = z.string().min(8, 'Use at least 8 characters.').max(200)

export const server = {
  logIn: defineAction({
    accept: 'form',
    input: z.object({ email, password }),
    handler: async (input, context) => {
      try {
        const result = await account.logIn(input.email, input.password, context.clientAddress)
        setSession(context.cookies, result, context.url.protocol === 'https:')
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
        setSession(context.cookies, result, context.url.protocol === 'https:')
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
        const result = await account.resetPassword(input.token, input.password)
        setSession(context.cookies, result, context.url.protocol === 'https:')
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
}

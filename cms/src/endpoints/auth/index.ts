import { generateExpiredPayloadCookie, generatePayloadCookie } from 'payload/shared'
import {
  logoutOperation,
  type Endpoint,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'

import { json, parseBody } from '../../lib/http'
import { rateLimits, withRateLimit } from '../../lib/rateLimit'
import { credentialsSchema, signUpSchema } from './schemas'
import { RequestError } from '../../lib/errors'
import { slugs } from '../../plugin/settings'

const usersAuthConfig = (req: PayloadRequest): SanitizedCollectionConfig['auth'] =>
  req.payload.collections[slugs.users].config.auth

async function logIn(req: PayloadRequest, email: string, password: string, status = 200) {
  const result = await req.payload.login({
    collection: slugs.users,
    data: { email, password },
    depth: 0,
    req,
  })
  const cookie = generatePayloadCookie({
    collectionAuthConfig: usersAuthConfig(req),
    cookiePrefix: req.payload.config.cookiePrefix,
    token: result.token!,
  })
  return json(
    req,
    { user: result.user, token: result.token, exp: result.exp },
    { status, headers: { 'Set-Cookie': cookie } },
  )
}

/** POST /api/auth/register: sign up as a `user` (a role in the body is ignored) and log in. */
export const register: Endpoint = {
  path: '/auth/register',
  method: 'post',
  handler: async (req) => {
    const { email, password, name } = await parseBody(req, signUpSchema, slugs.users)
    const taken = await req.payload.count({
      collection: slugs.users,
      where: { email: { equals: email } },
      overrideAccess: true,
      req,
    })
    if (taken.totalDocs > 0) {
      throw new RequestError('An account with this email already exists.', 409)
    }
    // The one way to sign up: the role is fixed here, not taken from the body.
    await req.payload.create({
      collection: slugs.users,
      data: { email, password, name, role: 'user', disabled: false },
      overrideAccess: true,
      req,
    })
    return logIn(req, email, password, 201)
  },
}

/** POST /api/auth/login: sets the HTTP-only session cookie and returns the user and token. */
export const login: Endpoint = {
  path: '/auth/login',
  method: 'post',
  handler: async (req) => {
    const { email, password } = await parseBody(req, credentialsSchema, slugs.users)
    return logIn(req, email, password)
  },
}

/** POST /api/auth/logout: ends the session and clears the cookie. */
export const logout: Endpoint = {
  path: '/auth/logout',
  method: 'post',
  handler: async (req) => {
    if (req.user) await logoutOperation({ collection: req.payload.collections[slugs.users], req })
    const cookie = generateExpiredPayloadCookie({
      collectionAuthConfig: usersAuthConfig(req),
      config: req.payload.config,
      cookiePrefix: req.payload.config.cookiePrefix,
    })
    return json(req, { message: 'Logged out.' }, { headers: { 'Set-Cookie': cookie } })
  },
}

/** GET /api/auth/me: the signed-in user, or 401. */
export const me: Endpoint = {
  path: '/auth/me',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new RequestError('You are not logged in.', 401)
    const user = await req.payload.findByID({
      collection: slugs.users,
      id: req.user.id,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return json(req, { user })
  },
}

export const authEndpoints = [
  withRateLimit(register, rateLimits.register),
  withRateLimit(login, rateLimits.login),
  logout,
  me,
]

import { describe, expect, it } from 'vitest'

import { CmsError } from './cms'
import { profileFieldErrors } from './profile'

describe('profileFieldErrors', () => {
  it('puts a missing or wrong current password on that field, by code', () => {
    const missing = new CmsError(400, 'Current password required', {
      code: 'CURRENT_PASSWORD_REQUIRED',
      path: 'currentPassword',
    })
    expect(profileFieldErrors(missing)).toEqual({
      currentPassword: ['Enter your current password to make this change.'],
    })
    const wrong = new CmsError(400, 'Wrong password', { code: 'CURRENT_PASSWORD_WRONG' })
    expect(profileFieldErrors(wrong)).toEqual({
      currentPassword: ['That is not your current password.'],
    })
  })

  it('names the form’s field for a field the CMS refused', () => {
    const taken = new CmsError(400, 'A user with the given email is registered.', { path: 'email' })
    expect(profileFieldErrors(taken)).toEqual({
      email: ['A user with the given email is registered.'],
    })
    const weak = new CmsError(400, 'Too short.', { path: 'password' })
    expect(profileFieldErrors(weak)).toEqual({ newPassword: ['Too short.'] })
  })

  it('leaves everything else to the form’s general message', () => {
    expect(profileFieldErrors(new CmsError(403, 'Forbidden', { path: 'email' }))).toBeNull()
    expect(profileFieldErrors(new CmsError(400, 'Bad', { path: 'role' }))).toBeNull()
    expect(profileFieldErrors(new Error('boom'))).toBeNull()
  })
})

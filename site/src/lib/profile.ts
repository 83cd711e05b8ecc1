import { CmsError } from './cms'

/**
 * The profile form's fields, and how the CMS's refusals map onto them. The codes are the
 * CMS's contract for PATCH /api/users/:id (changing email or password needs the current one).
 */
export type ProfileField = 'name' | 'email' | 'currentPassword' | 'newPassword'
export type ProfileFieldErrors = Partial<Record<ProfileField, string[]>>

const MESSAGES_BY_CODE: Record<string, { field: ProfileField; message: string }> = {
  CURRENT_PASSWORD_REQUIRED: {
    field: 'currentPassword',
    message: 'Enter your current password to make this change.',
  },
  CURRENT_PASSWORD_WRONG: {
    field: 'currentPassword',
    message: 'That is not your current password.',
  },
}

const FIELDS_BY_CMS_PATH: Record<string, ProfileField> = {
  name: 'name',
  email: 'email',
  password: 'newPassword',
  currentPassword: 'currentPassword',
}

/** The field a refused change belongs to, with a message for people; null when none does. */
export function profileFieldErrors(error: unknown): ProfileFieldErrors | null {
  if (!(error instanceof CmsError) || error.status !== 400) return null
  const known = error.code ? MESSAGES_BY_CODE[error.code] : undefined
  if (known) return { [known.field]: [known.message] }
  const field = error.path ? FIELDS_BY_CMS_PATH[error.path] : undefined
  return field ? { [field]: [error.message] } : null
}

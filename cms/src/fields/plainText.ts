import type { TextareaFieldValidation, TextFieldSingleValidation } from 'payload'
import { text, textarea } from 'payload/shared'

// Postgres cannot store NUL in text (a 500), and other C0 controls (bar tab and
// line breaks) only serve to garble what readers see.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/**
 * Payload's own length check counts an array's items, so `["…", "…"]` would
 * store a message of any length; a person's words are one string, without
 * control characters, then Payload's usual checks apply.
 */
const plainTextProblem = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'string') return 'Must be text.'
  if (CONTROL_CHARACTERS.test(value)) return 'Must not contain control characters.'
  return undefined
}

export const plainTextarea: TextareaFieldValidation = (value, options) =>
  plainTextProblem(value) ?? textarea(value, options)

export const plainText: TextFieldSingleValidation = (value, options) =>
  plainTextProblem(value) ?? text(value, options)

import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { CollectionBeforeChangeHook } from 'payload'

import type { Event } from '../../../payload-types'

/** Keeps a plain-text copy of the rich description so text search can match it. */
export const extractDescriptionText: CollectionBeforeChangeHook<Event> = ({ data }) => {
  if (data.description !== undefined) {
    data.descriptionText = data.description
      ? convertLexicalToPlaintext({ data: data.description }).slice(0, 20_000)
      : null
  }
  return data
}

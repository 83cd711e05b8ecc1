import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../../access/isAdmin'
import { plainTextarea } from '../../fields/plainText'
import { moderatedEvents } from './access/moderatedEvents'
import { postToJoinedEvents } from './access/postToJoinedEvents'
import { readChat } from './access/readChat'
import { postBatch } from './endpoints/postBatch'
import { enforceChatRules } from './hooks/enforceChatRules'
import { sessionOfSameEvent } from './hooks/sessionOfSameEvent'
import { keepWordsIntact } from './hooks/keepWordsIntact'
import { deleteVotesOfMessage } from './hooks/deleteVotes'
import { stampAuthor } from './hooks/stampAuthor'
import { stampOffset } from './hooks/stampOffset'

export const ChatMessages: CollectionConfig = {
  slug: 'chat-messages',
  admin: { defaultColumns: ['event', 'user', 'kind', 'message', 'sentAt', 'hidden'] },
  access: {
    read: readChat,
    create: postToJoinedEvents,
    update: moderatedEvents,
    delete: isAdmin,
  },
  endpoints: [postBatch],
  // Rules first: a refused message costs no more work; the stamps come after the immutability check.
  hooks: {
    beforeChange: [enforceChatRules, keepWordsIntact, sessionOfSameEvent, stampAuthor, stampOffset],
    beforeDelete: [deleteVotesOfMessage],
  },
  indexes: [
    { fields: ['event', 'sentAt'] },
    // A client retrying a send after a reconnect must not post the message twice.
    { fields: ['user', 'clientId'], unique: true },
  ],
  fields: [
    { name: 'event', type: 'relationship', relationTo: 'events', required: true, index: true },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
    },
    {
      name: 'session',
      type: 'relationship',
      relationTo: 'sessions',
      index: true,
      admin: { description: 'The session a question was asked in (of the same event).' },
    },
    {
      name: 'authorName',
      type: 'text',
      maxLength: 120,
      admin: { readOnly: true, description: 'The author’s name when posting, shown in the chat.' },
    },
    { name: 'message', type: 'textarea', required: true, maxLength: 1000, validate: plainTextarea },
    {
      name: 'clientId',
      type: 'text',
      maxLength: 64,
      admin: {
        readOnly: true,
        description: 'The sender’s id for the message (idempotent retries).',
      },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'chat',
      options: [
        { value: 'chat', label: 'Chat' },
        { value: 'question', label: 'Question' },
      ],
    },
    { name: 'sentAt', type: 'date', required: true, defaultValue: () => new Date().toISOString() },
    {
      name: 'offsetSeconds',
      type: 'number',
      admin: { description: 'Seconds from the event start, for replay beside the recording.' },
    },
    {
      name: 'upvotes',
      type: 'number',
      defaultValue: 0,
      min: 0,
      access: { update: isAdminField },
      admin: { readOnly: true, description: 'Counted from chat-votes (one per user).' },
    },
    { name: 'answered', type: 'checkbox', defaultValue: false },
    {
      name: 'pinned',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'The question the speakers are answering now.' },
    },
    { name: 'hidden', type: 'checkbox', defaultValue: false, index: true },
    {
      name: 'hiddenBy',
      type: 'relationship',
      relationTo: 'users',
      access: { create: () => false },
    },
  ],
}

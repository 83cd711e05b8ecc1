import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { plainTextarea } from '../../fields/plainText'
import { limitChatActions } from '../../hooks/limitChatActions'
import { createModeration } from './access/createModeration'
import { readModeration } from './access/readModeration'
import { checkTargets } from './hooks/checkTargets'
import { publishToRooms } from './hooks/publishToRooms'
import { stampActor } from './hooks/stampActor'

export const MODERATION_ACTIONS = [
  'hide',
  'unhide',
  'mute',
  'unmute',
  'ban',
  'unban',
  'slow_mode',
  'clear',
  'pin',
  'answer',
  'report',
] as const

/**
 * The audit log of a chat: every moderator action and every attendee report.
 * Rows are never edited; the organizer & admin tools read reports from here.
 */
export const ChatModerationActions: CollectionConfig = {
  slug: 'chat-moderation-actions',
  admin: {
    defaultColumns: ['event', 'action', 'actor', 'targetUser', 'targetMessage', 'createdAt'],
    group: 'Chat',
  },
  access: {
    read: readModeration,
    create: createModeration,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeOperation: [limitChatActions],
    beforeValidate: [stampActor],
    beforeChange: [checkTargets],
    afterChange: [publishToRooms],
  },
  indexes: [{ fields: ['event', 'action', 'createdAt'] }],
  fields: [
    { name: 'event', type: 'relationship', relationTo: 'events', required: true, index: true },
    { name: 'action', type: 'select', required: true, options: [...MODERATION_ACTIONS] },
    { name: 'actor', type: 'relationship', relationTo: 'users', required: true },
    { name: 'targetUser', type: 'relationship', relationTo: 'users', index: true },
    { name: 'targetMessage', type: 'relationship', relationTo: 'chat-messages' },
    {
      name: 'until',
      type: 'date',
      admin: { description: 'When a mute ends (empty: until lifted).' },
    },
    { name: 'slowModeSeconds', type: 'number', min: 0, max: 3600 },
    { name: 'reason', type: 'textarea', maxLength: 500, validate: plainTextarea },
  ],
}

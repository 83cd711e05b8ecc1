import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { ownVotes } from './access/ownVotes'
import { votableQuestions } from './access/votableQuestions'
import { recountAfterUnvote, recountAfterVote } from './hooks/recountUpvotes'
import { stampVoter } from './hooks/stampVoter'

/** One upvote per user and question; deleting it takes the vote back. */
export const ChatVotes: CollectionConfig = {
  slug: 'chat-votes',
  admin: { defaultColumns: ['message', 'user', 'createdAt'], group: 'Chat' },
  access: {
    read: ownVotes,
    create: votableQuestions,
    update: isAdmin,
    delete: ownVotes,
  },
  hooks: {
    beforeValidate: [stampVoter],
    afterChange: [recountAfterVote],
    afterDelete: [recountAfterUnvote],
  },
  indexes: [{ fields: ['message', 'user'], unique: true }],
  fields: [
    {
      name: 'message',
      type: 'relationship',
      relationTo: 'chat-messages',
      required: true,
      index: true,
    },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
  ],
}

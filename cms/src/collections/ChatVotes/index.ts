import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { limitChatActions } from '../../hooks/limitChatActions'
import { ownVotes } from './access/ownVotes'
import { votableQuestions } from './access/votableQuestions'
import { toggleVote } from './endpoints/toggleVote'
import { lockQuestionForUnvote, lockQuestionForVote } from './hooks/lockQuestion'
import { recountAfterUnvote, recountAfterVote } from './hooks/recountUpvotes'
import { stampVoter } from './hooks/stampVoter'

/** One upvote per user and question (never on one's own); deleting it takes the vote back. */
export const ChatVotes: CollectionConfig = {
  slug: 'chat-votes',
  admin: { defaultColumns: ['message', 'user', 'createdAt'], group: 'Chat' },
  access: {
    read: ownVotes,
    create: votableQuestions,
    update: isAdmin,
    delete: ownVotes,
  },
  endpoints: [toggleVote],
  hooks: {
    beforeOperation: [limitChatActions],
    beforeValidate: [stampVoter],
    beforeChange: [lockQuestionForVote],
    beforeDelete: [lockQuestionForUnvote],
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

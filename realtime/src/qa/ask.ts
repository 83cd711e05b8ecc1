import { postMessage } from '../chat/post.ts'
import { defineHandler } from '../handler.ts'
import { postSchema } from '../schemas.ts'

/** qa:ask: a question for the speakers, stored before it is acknowledged. */
export const ask = defineHandler(postSchema, (input, context) =>
  postMessage(context, input, 'question'),
)

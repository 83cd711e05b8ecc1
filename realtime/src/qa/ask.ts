import { postMessage } from '../chat/post.ts'
import { defineHandler } from '../handler.ts'
import { askSchema } from '../schemas.ts'

/** qa:ask: a question for the speakers (in a session, if named), stored before it is acknowledged. */
export const ask = defineHandler(askSchema, (input, context) =>
  postMessage(context, input, 'question'),
)

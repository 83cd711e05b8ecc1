import { defineHandler } from '../handler.ts'
import { postSchema } from '../schemas.ts'
import { postMessage } from './post.ts'

/** message: a chat line, acknowledged once it is stored in cms. */
export const message = defineHandler(postSchema, (input, context) =>
  postMessage(context, input, 'chat'),
)

// Messages go to cms one request at a time per node: what arrives while a request is in cms
// waits and goes in the next one, up to CHAT_BATCH_MAX_POSTS lines (POST
// /api/chat-messages/batch). A quiet chat pays nothing for this; under a crowd cms sets up one
// request for many lines instead of one each. Setting up a request costs cms as much CPU as
// storing a line (a batch of 10 costs ~5 ms a line, a line alone ~9), and cms is what a crowd
// outruns. Measured with `npm run bench:chat`: with two requests in flight batches formed only
// once cms had fallen behind, and the knee stayed at 25 msg/s; with one they form as soon as
// posts overlap, and it went to 50.
import { CHAT_BATCH_MAX_POSTS } from '@event-portal/cms/contract'

const MAX_IN_FLIGHT = 1

type Waiting<P, R> = { post: P; resolve: (result: R) => void; reject: (error: unknown) => void }

/** `store` answers every post of a batch, in order; a failure fails each of them. */
export function createPostQueue<P, R>(store: (posts: P[]) => Promise<R[]>) {
  const waiting: Waiting<P, R>[] = []
  let inFlight = 0

  function sendWhatWaits() {
    while (inFlight < MAX_IN_FLIGHT && waiting.length > 0) {
      const batch = waiting.splice(0, CHAT_BATCH_MAX_POSTS)
      inFlight++
      store(batch.map((item) => item.post))
        .then(
          (results) => batch.forEach((item, index) => item.resolve(results[index]!)),
          (error: unknown) => batch.forEach((item) => item.reject(error)),
        )
        .finally(() => {
          inFlight--
          sendWhatWaits()
        })
    }
  }

  return (post: P) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ post, resolve, reject })
      sendWhatWaits()
    })
}

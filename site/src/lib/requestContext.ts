import { AsyncLocalStorage } from 'node:async_hooks'

type RequestContext = { requestId?: string }

const storage = new AsyncLocalStorage<RequestContext>()

/** Runs the rest of a request with its id known, so calls to cms carry it into cms's logs. */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work)
}

/** The proxy's request id of the request being served, if any. */
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId

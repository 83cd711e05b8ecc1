import { monitorEventLoopDelay } from 'node:perf_hooks'

import { refusal, retryAfterMs } from './auth.ts'
import type { AppServer, AppSocket } from './handler.ts'

/**
 * Politeness under overload: a node holding its maximum of connections, or
 * whose event loop has fallen behind, refuses new handshakes with OVERLOADED
 * and a spread-out retry-after instead of accepting sockets it cannot serve.
 * Clients (the site's chat island) come back after that delay, with jitter.
 */
export function createOverloadGuard(
  io: AppServer,
  { maxConnections, maxLagMs }: { maxConnections: number; maxLagMs: number },
) {
  const delay = monitorEventLoopDelay({ resolution: 20 })
  delay.enable()
  let isLagging = false
  const sampler = setInterval(() => {
    isLagging = delay.percentile(50) / 1e6 > maxLagMs
    delay.reset()
  }, 1000)
  sampler.unref()

  return {
    middleware(_socket: AppSocket, next: (err?: Error) => void) {
      // clientsCount already includes the connection asking.
      if (io.engine.clientsCount > maxConnections || isLagging) {
        return next(refusal('OVERLOADED', retryAfterMs()))
      }
      next()
    },
    close() {
      clearInterval(sampler)
      delay.disable()
    },
  }
}

import { processLogger } from './logging'
import { markShuttingDown } from './readiness'
import { closeRedis } from './redis'

const installed = Symbol.for('event-portal.cms.shutdownInstalled')

/**
 * `next start` already handles SIGTERM: it stops accepting connections, waits
 * for in-flight requests, then exits. This adds what it lacks: /readyz turns
 * 503 at once (the proxy stops routing here), and a bound: whatever is still
 * running after SHUTDOWN_TIMEOUT_MS is cut off so the process always exits.
 */
export function installShutdownHandling(): void {
  const state = globalThis as { [installed]?: boolean }
  if (state[installed]) return
  state[installed] = true
  const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000)
  const onSignal = (signal: NodeJS.Signals) => {
    markShuttingDown()
    processLogger().info({ signal, timeoutMs }, 'shutting down: draining in-flight requests')
    setTimeout(() => {
      processLogger().error(
        { timeoutMs },
        'shutdown bound reached: exiting with requests still open',
      )
      void closeRedis().finally(() => process.exit(1))
    }, timeoutMs).unref()
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
  process.once('exit', () => {
    void closeRedis()
  })
}

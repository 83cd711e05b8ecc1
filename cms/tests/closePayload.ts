import type { Payload } from 'payload'

type Pool = { on(event: 'error', listener: (error: Error) => void): void }

/**
 * Payload's destroy() leaves its Postgres pool open. The test database is
 * dropped WITH (FORCE) at the end of the run, which ends those connections;
 * an idle pool must not treat that as a crash.
 */
export async function closePayload(payload: Payload): Promise<void> {
  ;(payload.db as unknown as { pool?: Pool }).pool?.on('error', () => {})
  await payload.destroy()
}

import { startMailCatcher, type CaughtMail } from '../../src/jobs/mailCatcher'

export type Mailbox = {
  port: number
  messages: CaughtMail[]
  /** Messages to one address, optionally with a subject containing `subject`. */
  to(address: string, subject?: string): CaughtMail[]
  waitFor(predicate: (messages: CaughtMail[]) => boolean, timeoutMs?: number): Promise<CaughtMail[]>
  close(): Promise<void>
}

export const recipients = (mail: CaughtMail): string[] =>
  (Array.isArray(mail.parsed.to) ? mail.parsed.to : mail.parsed.to ? [mail.parsed.to] : []).flatMap(
    (address) => address.value.map((v) => v.address ?? ''),
  )

/** A real SMTP server in the test process, recording what it accepted. */
export async function startMailbox(
  port: number,
  options: { acceptDelayMs?: () => number; onDataStart?: () => void } = {},
): Promise<Mailbox> {
  const messages: CaughtMail[] = []
  const catcher = await startMailCatcher({
    port,
    acceptDelayMs: () => {
      options.onDataStart?.()
      return options.acceptDelayMs?.() ?? 0
    },
    onMessage: (mail) => {
      messages.push(mail)
    },
  })
  const to = (address: string, subject?: string) =>
    messages.filter(
      (m) =>
        recipients(m).includes(address) &&
        (subject === undefined || (m.parsed.subject ?? '').includes(subject)),
    )
  return {
    port: catcher.port,
    messages,
    to,
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      while (!predicate(messages)) {
        if (Date.now() > deadline) {
          const seen = messages.map((m) => `${recipients(m).join(',')}: ${m.parsed.subject}`)
          throw new Error(`Timed out waiting for mail; received:\n${seen.join('\n')}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return messages
    },
    close: () => catcher.close(),
  }
}

/** Waits until `check` returns a value that is not undefined/false. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export const uniquePrefix = (name: string): string =>
  `test-jobs-${name}-${process.pid}-${Date.now().toString(36)}`

/** Removes every Redis key of a test's queue prefix (obliterate leaves the event stream and id). */
export async function dropQueueKeys(prefix: string): Promise<void> {
  const { Redis } = await import('ioredis')
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
      cursor = next
      if (keys.length > 0) await redis.del(...keys)
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}

import type { AddressInfo } from 'node:net'

import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type CaughtMail = { raw: Buffer; parsed: ParsedMail; receivedAt: Date }

export type MailCatcherOptions = {
  port: number
  host?: string
  /** Called for each accepted message (after the client's DATA and before the server's 250). */
  onMessage?: (mail: CaughtMail) => Promise<void> | void
  /** Holds every message this long before answering, so a test can kill the sender mid-send. */
  acceptDelayMs?: () => number
}

export type MailCatcher = { port: number; close(): Promise<void> }

/**
 * A local SMTP server that accepts everything (no auth, no TLS). A message counts as delivered
 * only if its sender is still connected when the server accepts it, like a real MTA's "250 OK".
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const closedSessions = new Set<string>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onClose(session) {
      closedSessions.add(session.id)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        void (async () => {
          const delay = options.acceptDelayMs?.() ?? 0
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
          if (closedSessions.has(session.id)) return callback(new Error('client went away'))
          const raw = Buffer.concat(chunks)
          try {
            const parsed = await simpleParser(raw)
            await options.onMessage?.({ raw, parsed, receivedAt: new Date() })
            callback()
          } catch (error) {
            callback(error instanceof Error ? error : new Error('could not store the message'))
          }
        })()
      })
    },
  })
  server.on('error', () => {
    // a client dropping the connection is routine here
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.server.address() as AddressInfo
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

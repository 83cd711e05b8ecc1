import { pino, type Logger, type LoggerOptions } from 'pino'

/** Paths whose values never reach a log line. */
export const redactedPaths = [
  'password',
  'token',
  'secret',
  '*.password',
  '*.token',
  '*.secret',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
]

/**
 * Production logs are one JSON object a line (for the container's log
 * driver); development keeps Payload's readable default. LOG_FORMAT=json|pretty overrides.
 */
export function payloadLoggerOptions(): { options: LoggerOptions } | undefined {
  const format =
    process.env.LOG_FORMAT ?? (process.env.NODE_ENV === 'production' ? 'json' : 'pretty')
  if (format !== 'json') return undefined
  return { options: jsonLoggerOptions('payload') }
}

export function jsonLoggerOptions(name: string): LoggerOptions {
  return {
    name,
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'cms', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
  }
}

let logger: Logger | undefined

/** A JSON logger for code that runs outside a Payload request (shutdown, error reports). */
export function processLogger(): Logger {
  logger ??= pino(jsonLoggerOptions('cms'))
  return logger
}

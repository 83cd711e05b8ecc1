import { APIError } from 'payload'

type ErrorData = Record<string, unknown> | null

/**
 * A refusal the caller caused and can read (bad input, not allowed, conflict):
 * its message is shown to them, and it is logged at info level, not as a fault.
 */
export class RequestError extends APIError<ErrorData> {
  constructor(message: string, status: number, data: ErrorData = null) {
    super(message, status, data, true)
    this.name = 'RequestError'
  }
}

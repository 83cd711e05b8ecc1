import type { Instrumentation } from 'next'

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { installShutdownHandling } = await import('./lib/shutdown')
  installShutdownHandling()
  const { startOptionalTelemetry } = await import('./lib/telemetry')
  await startOptionalTelemetry()
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { reportRequestError } = await import('./lib/errorReport')
  reportRequestError(error, request, context)
}

import { processLogger } from './logging'

/**
 * Optional hooks, off unless their variable is set, and loaded only then: the
 * packages are not dependencies of the project (install them in your image).
 *   OTEL_EXPORTER_OTLP_ENDPOINT  traces via @vercel/otel (Next's OpenTelemetry helper)
 *   SENTRY_DSN                   errors via @sentry/nextjs
 */
export async function startOptionalTelemetry(): Promise<void> {
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    await optionalImport('@vercel/otel').then((otel) =>
      (otel?.registerOTel as ((options: { serviceName: string }) => void) | undefined)?.({
        serviceName: process.env.OTEL_SERVICE_NAME ?? 'event-portal-cms',
      }),
    )
  }
  if (process.env.SENTRY_DSN) {
    await optionalImport('@sentry/nextjs').then((sentry) =>
      (sentry?.init as ((options: { dsn: string; sendDefaultPii: boolean }) => void) | undefined)?.(
        {
          dsn: process.env.SENTRY_DSN!,
          sendDefaultPii: false,
        },
      ),
    )
  }
}

async function optionalImport(name: string): Promise<Record<string, unknown> | undefined> {
  try {
    // Not bundled: resolved at run time, only when the hook is switched on.
    return (await import(/* webpackIgnore: true */ name)) as Record<string, unknown>
  } catch {
    processLogger().warn(
      { package: name },
      'telemetry hook configured but its package is not installed',
    )
    return undefined
  }
}

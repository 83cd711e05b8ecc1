import node from '@astrojs/node'
import preact from '@astrojs/preact'
import { defineConfig, envField } from 'astro/config'

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // The islands are written against React's API; Preact's compat layer runs them for a
  // fraction of React's bytes (the event page's JavaScript budget is 60 KB gzipped).
  integrations: [preact({ compat: true })],
  server: { port: 4321, host: '127.0.0.1' },
  env: {
    // Astro inlines public server variables at build time; these two are "secret" only so they
    // are read when the server starts, letting one build run against any CMS and address.
    schema: {
      CMS_URL: envField.string({
        context: 'server',
        access: 'secret',
        url: true,
        default: 'http://localhost:3000',
      }),
      SITE_URL: envField.string({
        context: 'server',
        access: 'secret',
        url: true,
        default: 'http://localhost:4321',
      }),
      // The realtime chat gateway the browser connects to (the island gets it as a prop).
      REALTIME_URL: envField.string({
        context: 'server',
        access: 'secret',
        url: true,
        default: 'http://localhost:3001',
      }),
      // Optional: with Redis, a revalidation reaches every site process, not only the one called.
      REDIS_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      SITE_CACHE_CHANNEL: envField.string({
        context: 'server',
        access: 'secret',
        default: 'event-portal:site:purge',
      }),
      SITE_REVALIDATE_SECRET: envField.string({
        context: 'server',
        access: 'secret',
        min: 16,
        default: 'dev-only-site-revalidate-secret',
      }),
    },
    validateSecrets: true,
  },
})

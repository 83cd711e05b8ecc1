// `npm run stripe:test-server -w cms`: the local Stripe stand-in used by `npm start`.
import { startStripeTestServer } from './server.ts'

const port = Number(process.env.STRIPE_TEST_SERVER_PORT ?? 12111)
const server = await startStripeTestServer({
  port,
  host: process.env.STRIPE_TEST_SERVER_HOST ?? '127.0.0.1',
  webhookUrl: process.env.STRIPE_WEBHOOK_URL ?? 'http://localhost:3000/api/payments/webhook',
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_local_event_portal',
  publicUrl: process.env.STRIPE_TEST_SERVER_PUBLIC_URL,
})
console.log(`Stripe test server on ${server.url}`)
const stop = () => server.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

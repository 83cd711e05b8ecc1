import config from '@payload-config'
import { getPayload } from 'payload'

import { isSeeded, seed } from './index'
import { demoUsers } from './users'

const force = process.argv.includes('--force')
// The demo data has public passwords (README.md): never in production by accident.
if (process.env.NODE_ENV === 'production' && !force) {
  console.error(
    'Refusing to load the demo data with NODE_ENV=production: its accounts have public passwords.\n' +
      'Run it again with --force if this really is a demo installation.',
  )
  process.exit(1)
}

const payload = await getPayload({ config })
if ((await isSeeded(payload)) && !force) {
  payload.logger.info('The database already has users: demo data not seeded again.')
} else {
  await seed(payload)
  console.log('\nDemo logins:')
  for (const user of demoUsers)
    console.log(`  ${user.role.padEnd(9)} ${user.email}  ${user.password}`)
}
await payload.destroy()
process.exit(0)

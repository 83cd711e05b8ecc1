import config from '@payload-config'
import { getPayload } from 'payload'

import { isSeeded, seed } from './index'
import { demoUsers } from './users'

const payload = await getPayload({ config })
const force = process.argv.includes('--force')
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

// `npm test`: every workspace's tests (unit, integration, browser), one after
// another, then one plain summary line across all of them.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'

import { localEnv } from './lib/localEnv.ts'
import { run } from './lib/processes.ts'
import { ensureDatabase, pingRedis, ServiceUnavailableError } from './lib/services.ts'
import { missingTestTools } from './lib/testTools.ts'

const root = path.resolve(import.meta.dirname, '..')
const reportDir = path.join(root, '.test-reports')
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const workspaces: string[] = rootPackage.workspaces
const env: NodeJS.ProcessEnv = {
  ...localEnv(),
  TEST_REPORT_DIR: reportDir,
  CI: process.env.CI ?? '',
}

const missingTools = missingTestTools()
if (missingTools) {
  console.error(`\n${missingTools}\n`)
  process.exit(1)
}

try {
  await pingRedis(env.REDIS_URL!)
  await ensureDatabase(env.DATABASE_URL!)
} catch (error) {
  if (error instanceof ServiceUnavailableError) {
    console.error(`\n${error.message}\n`)
    process.exit(1)
  }
  throw error
}

rmSync(reportDir, { recursive: true, force: true })
mkdirSync(reportDir, { recursive: true })

const failedSteps: string[] = []
for (const workspace of workspaces) {
  const scripts =
    JSON.parse(readFileSync(path.join(root, workspace, 'package.json'), 'utf8')).scripts ?? {}
  for (const script of ['test', 'test:e2e']) {
    if (!scripts[script]) continue
    console.log(`\n━━ ${workspace}: npm run ${script}`)
    try {
      await run('npm', ['run', script, '--workspace', workspace], { cwd: root, env })
    } catch {
      failedSteps.push(`${workspace} ${script}`)
    }
  }
}

let passed = 0
let failed = 0
let skipped = 0
// Named here too, so a CI log that keeps only its tail still says what failed.
const failures: string[] = []
for (const file of existsSync(reportDir) ? readdirSync(reportDir) : []) {
  if (!file.endsWith('.json')) continue
  const report = JSON.parse(readFileSync(path.join(reportDir, file), 'utf8'))
  if ('numPassedTests' in report) {
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += report.numPendingTests + (report.numTodoTests ?? 0)
    failures.push(...vitestFailures(report))
  } else if (report.stats) {
    passed += report.stats.expected + report.stats.flaky
    failed += report.stats.unexpected
    skipped += report.stats.skipped
    failures.push(...playwrightFailures(report.suites ?? []))
  }
}

console.log('')
for (const failure of failures) console.log(`✗ ${failure}`)
if (failedSteps.length) console.log(`Failed: ${failedSteps.join(', ')}`)
// A step that crashed before reporting counts as a failure too.
if (failedSteps.length > 0 && failed === 0) failed = failedSteps.length
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0)

type VitestReport = {
  testResults?: {
    name: string
    message?: string
    assertionResults?: { status: string; fullName: string; failureMessages?: string[] }[]
  }[]
}
function vitestFailures(report: VitestReport): string[] {
  return (report.testResults ?? []).flatMap((file) => {
    const tests = (file.assertionResults ?? []).filter((test) => test.status === 'failed')
    const where = path.relative(root, file.name)
    // A file that failed to load has no tests, only a message.
    if (tests.length === 0 && file.message) return [`${where}: ${firstLine(file.message)}`]
    return tests.map(
      (test) => `${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0] ?? '')}`,
    )
  })
}

type PlaywrightSuite = {
  file?: string
  suites?: PlaywrightSuite[]
  specs?: {
    title: string
    file: string
    line: number
    tests: { status: string; results: { error?: { message?: string } }[] }[]
  }[]
}
function playwrightFailures(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === 'unexpected')
        .map((test) => {
          const error = test.results.at(-1)?.error?.message ?? ''
          return `${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`
        }),
    ),
    ...playwrightFailures(suite.suites ?? []),
  ])
}

function firstLine(message: string): string {
  // Without the colour codes reporters leave in; the first line, and no more than a line's worth.
  const line =
    stripVTControlCharacters(message)
      .split('\n')
      .find((text) => text.trim()) ?? ''
  return line.trim().slice(0, 300)
}

import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

/** Programs the test suites run besides Node: the browser and the config validators. */
const REQUIRED_TOOLS: { name: string; usedBy: string; path?: string; isPresent?: () => boolean }[] =
  [
    { name: 'chromium', path: '/usr/bin/chromium', usedBy: 'the browser tests (Playwright)' },
    { name: 'docker-compose', usedBy: 'the docker-compose.yml validation tests' },
    { name: 'caddy', usedBy: 'the deploy/Caddyfile validation tests' },
    {
      name: 'python3-yaml',
      usedBy: 'the GitHub workflow test (reads ci.yml)',
      isPresent: () => spawnSync('python3', ['-c', 'import yaml']).status === 0,
    },
  ]

function isOnPath(program: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && existsSync(path.join(dir, program)))
}

/** One message naming every missing program and the command that installs them all, or null. */
export function missingTestTools(): string | null {
  const missing = REQUIRED_TOOLS.filter((tool) =>
    tool.isPresent ? !tool.isPresent() : tool.path ? !existsSync(tool.path) : !isOnPath(tool.name),
  )
  if (missing.length === 0) return null
  const lines = missing.map((tool) => `  ${tool.name}: needed by ${tool.usedBy}`)
  const install = `apt-get install -y ${missing.map((tool) => tool.name).join(' ')}`
  return `Some programs the tests need are missing:\n${lines.join('\n')}\nInstall them with: ${install}`
}

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import path from 'node:path'

const binDir = path.resolve(import.meta.dirname, '../../node_modules/.bin')

/** A workspace tool's own executable: signals reach it directly, not through npx. */
export const bin = (name: string): string => path.join(binDir, name)

/** Runs a command to completion, streaming its output; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`))
    })
  })
}

/** Starts a long-running process whose output lines carry a name prefix. */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  const prefix = `[${name}] `
  for (const stream of [child.stdout, child.stderr]) {
    let pending = ''
    stream?.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) process.stdout.write(prefix + line + '\n')
    })
  }
  return child
}

/** Stops every child on SIGINT/SIGTERM, and exits when any of them dies. */
export function superviseServices(children: Map<string, ChildProcess>): void {
  let stopping = false
  const stopAll = (code: number) => {
    if (stopping) return
    stopping = true
    for (const child of children.values()) child.kill('SIGTERM')
    setTimeout(() => process.exit(code), 10_000).unref()
    Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve(null) : child.on('exit', resolve),
          ),
      ),
    ).then(() => process.exit(code))
  }
  process.on('SIGINT', () => stopAll(0))
  process.on('SIGTERM', () => stopAll(0))
  for (const [name, child] of children) {
    child.on('exit', (code, signal) => {
      if (stopping) return
      console.error(`\n${name} stopped (${signal ?? code}); stopping the rest.`)
      stopAll(1)
    })
  }
}

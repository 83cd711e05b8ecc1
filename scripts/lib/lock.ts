import { mkdirSync, rmSync, statSync } from 'node:fs'

const STALE_MS = 10 * 60 * 1000

/** Runs `task` while holding a directory lock, so parallel test runs never build into one folder at once. */
export async function withLock<T>(lockDir: string, task: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lockDir)
      break
    } catch {
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > STALE_MS)
          rmSync(lockDir, { recursive: true, force: true })
      } catch {
        // released meanwhile
      }
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  try {
    return await task()
  } finally {
    rmSync(lockDir, { recursive: true, force: true })
  }
}

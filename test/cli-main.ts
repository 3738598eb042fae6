import { afterEach, beforeEach } from 'vitest'
import type { CliIo } from '../src/cli/cli-io.ts'
import { main } from '../src/cli/main.ts'
import { tempDir } from './helpers.ts'

export type CliRun = { code: number; out: string; err: string }

/**
 * Runs a command in-process in `cwd`, with what it prints captured (no colour, no terminal);
 * `typed` lines are read from standard input as soon as the command listens for them.
 */
export async function runMain(
  cwd: string,
  argv: readonly string[],
  typed?: readonly string[],
): Promise<CliRun> {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (text) => (out += text),
    err: (text) => (err += text),
    color: false,
    interactive: false,
    cwd,
    stopRequested: () => Promise.resolve('SIGTERM'),
    ...(typed === undefined
      ? {}
      : {
          lines: (onLine: (line: string) => void) => {
            for (const line of typed) onLine(line)
            return () => undefined
          },
        }),
  }
  const code = await main(argv, io)
  return { code, out, err }
}

/** A fresh temporary folder for each test, and `run` for the CLI inside it. */
export function cliInTempDir(): {
  readonly dir: { readonly path: string }
  readonly run: (...argv: string[]) => Promise<CliRun>
} {
  let current: Awaited<ReturnType<typeof tempDir>> | undefined
  beforeEach(async () => {
    current = await tempDir()
  })
  afterEach(() => current?.remove())
  const dir = {
    get path(): string {
      if (current === undefined) throw new Error('the temporary folder exists only inside a test')
      return current.path
    },
  }
  return { dir, run: (...argv) => runMain(dir.path, argv) }
}

import type { CliIo } from '../src/cli/cli-io.ts'
import { main } from '../src/cli/main.ts'

export type CliRun = { code: number; out: string; err: string }

/** Runs a command in-process in `cwd`, with what it prints captured (no colour, no terminal). */
export async function runMain(cwd: string, argv: readonly string[]): Promise<CliRun> {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (text) => (out += text),
    err: (text) => (err += text),
    color: false,
    interactive: false,
    cwd,
    stopRequested: () => Promise.resolve('SIGTERM'),
  }
  const code = await main(argv, io)
  return { code, out, err }
}

import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { tempDirPerTest } from './helpers.ts'

export const BIN = new URL('../dist/bin.js', import.meta.url).pathname

export type Running = {
  readonly child: ChildProcess
  readonly url: string
  output(): string
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts the built CLI and resolves once its banner shows the URL it listens on. */
export async function startCli(args: readonly string[], cwd: string): Promise<Running> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    const check = (): void => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
      if (match) resolve(match[0])
    }
    child.stdout.on('data', check)
    child.once('exit', (code) => reject(new Error(`fauxrest exited with ${code}:\n${output}`)))
  })
  return {
    child,
    url,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      const exited = once(child, 'exit')
      child.kill(signal)
      const [code] = (await exited) as [number | null]
      return code
    },
  }
}

/**
 * Runs the built CLI to completion. With `timeoutMs`, a run still going then is killed (exit code
 * null): a server that starts when it should have refused fails the test instead of staying behind.
 */
export async function runCli(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
  timeoutMs?: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env },
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs, killSignal: 'SIGKILL' as const }),
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const [code] = (await once(child, 'exit')) as [number | null]
  return { code, stdout, stderr }
}

/** Per test: a temp folder and the built CLIs started in it, all cleaned up after the test. */
export function cliSandbox(): {
  dir(): string
  start(args: readonly string[]): Promise<Running>
} {
  const folder = tempDirPerTest()
  return {
    dir: () => folder.path,
    async start(args) {
      const running = await startCli(args, folder.path)
      folder.closeAfter({ close: () => running.stop('SIGKILL') })
      return running
    },
  }
}

// The runner's side of the load worker: one long-lived process (pinned to its own core), one job
// at a time over stdin/stdout lines.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { LoadJob, LoadReply, LoadResult } from './load-types.ts'

export type LoadClient = {
  readonly pid: number
  readonly run: (job: Omit<LoadJob, 'id'>) => Promise<LoadResult>
  readonly close: () => void
}

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url))
// A job may take its duration, plus the request timeout for the last answers, plus this.
const SLACK_MS = 30_000

export function startLoadClient(projectDir: string, core: number | undefined): LoadClient {
  const argv = [process.execPath, '--import', 'tsx', WORKER]
  const [command, ...args] = core === undefined ? argv : ['taskset', '-c', String(core), ...argv]
  const child = spawn(command ?? process.execPath, args, {
    cwd: projectDir,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const pending = new Map<number, (reply: LoadReply) => void>()
  createInterface({ input: child.stdout }).on('line', (line) => {
    const reply: LoadReply = JSON.parse(line)
    pending.get(reply.id)?.(reply)
    pending.delete(reply.id)
  })
  const failAll = (why: string): void => {
    for (const [id, settle] of pending) settle({ id, ok: false, error: why })
    pending.clear()
  }
  child.once('exit', (code, signal) => failAll(`load worker exited (${signal ?? code})`))
  let next = 0
  return {
    pid: child.pid ?? 0,
    run: (job) =>
      new Promise((resolve, reject) => {
        const id = ++next
        const limitMs = (job.duration + (job.timeout ?? 30)) * 1000 + SLACK_MS
        const timer = setTimeout(() => {
          child.kill('SIGKILL')
          failAll(`load worker gave no answer in ${limitMs} ms`)
        }, limitMs)
        pending.set(id, (reply) => {
          clearTimeout(timer)
          if (reply.ok) resolve(reply.result)
          else reject(new Error(reply.error))
        })
        child.stdin.write(`${JSON.stringify({ ...job, id })}\n`)
      }),
    close: () => {
      child.stdin.end()
      if (child.exitCode === null) child.kill('SIGTERM')
    },
  }
}

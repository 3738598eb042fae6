// Starting a server under test on a fresh copy of the db, and stopping it.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { copyFile, mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { httpRequest } from './http-request.ts'

export type ServerName = 'fauxrest' | 'baseline'

export type ServerLaunch = {
  readonly name: ServerName
  /** The command line, given the port and the db file it must serve. */
  readonly argv: (port: number, dbFile: string) => readonly string[]
}

export type RunningServer = {
  readonly name: ServerName
  readonly pid: number
  readonly port: number
  readonly dir: string
  readonly dbFile: string
  /** Spawn to the first 2xx on the ready path. */
  readonly readyMs: number
  readonly exited: () => boolean
  /** SIGTERM, then SIGKILL after the grace period; resolves with the ms it took to exit. */
  readonly stop: () => Promise<number>
}

const READY_PATH = '/posts/1'
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function stopper(child: ChildProcess, graceMs: number): () => Promise<number> {
  return async () => {
    const started = performance.now()
    if (child.exitCode !== null || child.signalCode !== null) return 0
    const exit = new Promise<void>((done) => child.once('exit', () => done()))
    child.kill('SIGTERM')
    const inTime = await Promise.race([exit.then(() => true), sleep(graceMs).then(() => false)])
    if (!inTime) {
      child.kill('SIGKILL')
      await exit
    }
    return performance.now() - started
  }
}

/**
 * Copies the db into a new directory under `parent`, starts the server on it (on CPU `core` when
 * given), and waits for its first 2xx answer on GET /posts/1.
 */
export async function startServer(
  launch: ServerLaunch,
  dbSource: string,
  parent: string,
  core: number | undefined,
  readyTimeoutMs = 180_000,
): Promise<RunningServer> {
  const dir = await mkdtemp(join(parent, `${launch.name}-`))
  const dbFile = join(dir, 'db.json')
  await copyFile(dbSource, dbFile)
  const port = await freePort()
  const logFile = join(dir, 'server.log')
  const log = openSync(logFile, 'a')
  const argv = launch.argv(port, dbFile)
  const [command, ...args] = core === undefined ? argv : ['taskset', '-c', String(core), ...argv]
  const started = performance.now()
  // taskset execs the server, so the child's pid is the server's own.
  const child = spawn(command ?? 'node', args, { stdio: ['ignore', log, log] })
  closeSync(log)
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null
  const stop = stopper(child, 15_000)
  while (performance.now() - started < readyTimeoutMs && !exited()) {
    const answer = await httpRequest(port, 'GET', READY_PATH, undefined, 5_000)
    if (answer.status >= 200 && answer.status < 300) {
      return {
        name: launch.name,
        pid: child.pid ?? 0,
        port,
        dir,
        dbFile,
        readyMs: performance.now() - started,
        exited,
        stop,
      }
    }
    await sleep(10)
  }
  await stop()
  const tail = readFileSync(logFile, 'utf8').slice(-2000)
  throw new Error(`${launch.name} never answered GET ${READY_PATH} (log ${logFile}):\n${tail}`)
}

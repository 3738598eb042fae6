import { Miniflare } from 'miniflare'
import { afterAll, beforeAll } from 'vitest'
import { DEFAULT_APP_OPTIONS } from '../../src/app-options.ts'
import { readFile } from 'node:fs/promises'
import { buildWorkerRuntime } from '../../scripts/worker-runtime.mjs'
import { VERSION } from '../../src/version.ts'
import {
  isStateless,
  type WorkerAppOptions,
  type WorkerConfig,
} from '../../src/worker/worker-config.ts'
import { COMPATIBILITY_DATE, objectBindings } from '../../src/worker/worker-project.ts'
import { workerScript } from '../../src/worker/worker-script.ts'
import { CONTRACT_SCHEMAS, targetOver, type OpenTarget, type Target } from '../http/target.ts'
import { tempDir } from '../helpers.ts'

let runtime: Promise<string> | undefined

/** The Worker runtime built from the sources (once per test file). */
export function workerRuntime(): Promise<string> {
  runtime ??= buildWorkerRuntime()
  return runtime
}

const { readOnly, fakeWrites, deleteMode, delay, cors, bodyLimit } = DEFAULT_APP_OPTIONS
export const DEFAULT_OPTIONS: WorkerAppOptions = {
  readOnly,
  fakeWrites,
  deleteMode,
  delay,
  cors,
  bodyLimit,
}

/** A Worker's configuration for a schema file, as `fauxrest worker` writes it. */
export async function configFor(
  name: string,
  file: string,
  options: Partial<WorkerAppOptions> = {},
): Promise<WorkerConfig> {
  const document: unknown = JSON.parse(await readFile(file, 'utf8'))
  return { name, document, reading: {}, options: { ...DEFAULT_OPTIONS, ...options } }
}

export type Workers = {
  readonly mf: Miniflare
  /** A request to one of the Workers, answered as a plain Response. */
  request(worker: string, path: string, init?: RequestInit): Promise<Response>
  dispose(): Promise<void>
}

/** Starts workerd with these Workers, their objects' SQLite storage kept in `persist`. */
export async function startWorkers(
  configs: readonly WorkerConfig[],
  persist: string,
): Promise<Workers> {
  const code = await workerRuntime()
  const mf = new Miniflare({
    durableObjectsPersist: persist,
    // The first Worker answers http://localhost, each other one http://NAME.localhost.
    workers: configs.map((config, at) => ({
      name: config.name,
      routes: at === 0 ? [] : [`${config.name}.localhost/*`],
      modules: true,
      script: workerScript(config, code, VERSION),
      compatibilityDate: COMPATIBILITY_DATE,
      // Fake writes and read-only: no Durable Object, as wrangler.jsonc then declares none.
      durableObjects: objectBindings(isStateless(config)),
    })),
  })
  await mf.ready
  return {
    mf,
    async request(worker, path, init = {}) {
      const host = worker === configs[0]?.name ? 'localhost' : `${worker}.localhost`
      const answer = await mf.dispatchFetch(`http://${host}${path}`, {
        method: init.method ?? 'GET',
        headers: [...new Headers(init.headers)],
        body: typeof init.body === 'string' ? init.body : null,
      })
      const bytes = await answer.arrayBuffer()
      const empty = [101, 204, 205, 304].includes(answer.status)
      return new Response(empty ? null : bytes, {
        status: answer.status,
        // miniflare's own transport headers (MF-Content-Encoding) never reach a real client.
        headers: new Headers([...answer.headers].filter(([name]) => !name.startsWith('mf-'))),
      })
    },
    dispose: () => mf.dispose(),
  }
}

/**
 * The contracts' targets as Workers under workerd: one runtime for the test file, started on the
 * first target with a Worker for each schema (and the clone without CORS), each with its object.
 */
export function workerTargets(persist: () => string): {
  open: OpenTarget
  dispose: () => Promise<void>
} {
  let started: Promise<Workers> | undefined
  const start = async (): Promise<Workers> => {
    const configs = await Promise.all([
      configFor('jsonplaceholder', CONTRACT_SCHEMAS.jsonplaceholder),
      configFor('shop', CONTRACT_SCHEMAS.shop),
      configFor('jsonplaceholder-no-cors', CONTRACT_SCHEMAS.jsonplaceholder, { cors: false }),
    ])
    return startWorkers(configs, persist())
  }
  const open: OpenTarget = async (schema, options = {}) => {
    started ??= start()
    const workers = await started
    const name = options.cors === false ? `${schema}-no-cors` : schema
    const request = (path: string, init: RequestInit): Promise<Response> =>
      workers.request(name, path, init)
    const reset = async (): Promise<void> => {
      const answer = await request('/_reset', { method: 'POST' })
      if (answer.status !== 200) throw new Error(`POST /_reset answered ${answer.status}`)
    }
    const target: Target = await targetOver(request, reset, () => Promise.resolve())
    return target
  }
  return {
    open,
    dispose: async () => {
      if (started !== undefined) await (await started).dispose()
    },
  }
}

/**
 * Runs an HTTP contract against Workers under workerd, with the same expectations as against the
 * Node app: one runtime for the test file, its objects' state in a temp folder.
 */
export function contractOnWorkers(contract: (open: OpenTarget) => void): void {
  let folder: Awaited<ReturnType<typeof tempDir>>
  const targets = workerTargets(() => folder.path)
  beforeAll(async () => {
    folder = await tempDir()
  })
  afterAll(async () => {
    await targets.dispose()
    await folder.remove()
  })
  contract(targets.open)
}

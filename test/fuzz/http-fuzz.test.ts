import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMock, type Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, tempDir } from '../helpers.ts'
import { durableData } from '../store/fixtures.ts'
import { inconsistencies } from './check-consistency.ts'
import { hostileRequests, type HostileRequest, type Surface } from './hostile.ts'
import { prng } from './prng.ts'

const EVERY_FEATURE = new URL('../fixtures/every-feature.json', import.meta.url).pathname
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).toSorted()

/** What went wrong with one answer, or `undefined` when it is an acceptable answer. */
function badAnswer(request: HostileRequest, status: number, type: string, text: string) {
  // A forced status is an answer like any other; a check that comes first (a CORS preflight, a
  // bad `_delay`) may answer instead.
  if (request.forced !== undefined && status === request.forced) return undefined
  if (status >= 500) return `status ${status}: ${text.slice(0, 300)}`
  if (/\bat .+\.[cm]?[jt]s:\d+/.test(text) || text.includes(process.cwd())) {
    return `leaks internals: ${text.slice(0, 300)}`
  }
  if (text === '') return undefined
  if (status >= 400 || type.includes('json')) {
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return `status ${status} with a body that is not JSON: ${text.slice(0, 100)}`
    }
    const error = (body as { error?: unknown } | null)?.error
    if (status >= 400 && typeof error !== 'string') return `error body without "error": ${text}`
  }
  return undefined
}

function surfaceOf(mock: Mock): Surface {
  const resources = [...mock.schema.resources.keys()]
  const fields = new Set(['id', 'q', 'title', 'name', 'address.city', 'address.geo.lat'])
  const ids = new Set(['1', '2', '3', '10', '99999'])
  const samples: Record<string, unknown>[] = []
  for (const spec of mock.schema.resources.values()) {
    for (const field of spec.fields?.keys() ?? []) fields.add(field)
    if (spec.singular) continue
    for (const row of mock.store.list(spec.name).slice(0, 3)) {
      ids.add(String(row['id']))
      samples.push(row)
    }
  }
  return {
    resources: [...resources, 'nothing', 'users'],
    fields: [...fields],
    ids: [...ids],
    samples,
  }
}

async function fuzz(mock: Mock, seed: number, count: number) {
  const requests = hostileRequests(prng(seed), surfaceOf(mock), count)
  const problems: string[] = []
  const statuses = new Map<string, number>()
  for (const request of requests) {
    const init: RequestInit = { method: request.method, headers: request.headers }
    if (request.body !== undefined) init.body = request.body
    const response = await mock.app.request(request.target, init)
    const text = await response.text()
    const key = request.forced === response.status ? 'forced' : String(response.status)
    statuses.set(key, (statuses.get(key) ?? 0) + 1)
    const bad = badAnswer(
      request,
      response.status,
      response.headers.get('content-type') ?? '',
      text,
    )
    if (bad !== undefined) {
      problems.push(`${request.method} ${request.target.slice(0, 200)}: ${bad}`)
    }
  }
  return { problems, statuses }
}

function polluted(): string[] {
  const keys = Object.getOwnPropertyNames(Object.prototype).toSorted()
  const extra = keys.filter((key) => !PROTOTYPE_KEYS.includes(key))
  return 'polluted' in {} ? [...extra, 'polluted'] : extra
}

let fuzzed = 0
const seen = new Map<string, number>()
afterAll(() => {
  const answers = [...seen].toSorted(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`)
  console.log(
    `fuzz: ${fuzzed} hostile requests through app.request() (${answers.join(', ')}; "forced": asked for with ?_status=5xx)`,
  )
})

describe('hostile requests through the app', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeAll(async () => {
    dir = await tempDir()
    return () => dir.remove()
  })

  it.each([
    ['JSONPlaceholder in memory', JSONPLACEHOLDER, ':memory:', 9001, 1200],
    ['every feature, on disk', EVERY_FEATURE, 'db.json', 9002, 1200],
  ])('%s: no 5xx, JSON errors, consistent data afterwards', async (_, schema, db, seed, count) => {
    const file = db === ':memory:' ? db : join(dir.path, db)
    const mock = await createMock({ schema, db: file })
    try {
      const { problems, statuses } = await fuzz(mock, seed, count)
      fuzzed += count
      for (const [status, times] of statuses) seen.set(status, (seen.get(status) ?? 0) + times)
      expect(problems).toEqual([])
      expect(polluted()).toEqual([])
      expect(inconsistencies(mock)).toEqual([])
      // Some of every kind of answer: the generator reaches past the first checks.
      for (const status of [200, 201, 400, 404, 413, 415, 422]) {
        expect(statuses.get(String(status)), `answers with ${status}`).toBeGreaterThan(0)
      }

      const served = await mock.app.request('/db')
      expect(JSON.parse(await served.text())).toEqual(mock.store.data())
      await mock.store.flush()
      const onDisk: unknown = file === ':memory:' ? mock.store.data() : await durableData(file)
      expect(onDisk).toEqual(mock.store.data())
      // Still serving normally.
      const resource = [...mock.schema.resources.values()].find((spec) => !spec.singular)
      const created = await mock.app.request(`/${resource?.name ?? ''}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
      expect([201, 422]).toContain(created.status)
    } finally {
      await mock.close()
    }
  })
})

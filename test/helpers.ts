import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMock, type Mock, type MockOptions } from '../src/index.ts'

export const JSONPLACEHOLDER = new URL('../data/jsonplaceholder.json', import.meta.url).pathname
export const SHOP = new URL('./fixtures/shop.json', import.meta.url).pathname

export function memoryMock(
  options: Partial<MockOptions> & Pick<MockOptions, 'schema'>,
): Promise<Mock> {
  return createMock({ db: ':memory:', ...options })
}

/** A JSON request through app.request(), no network. */
/** Anything that answers requests by path: a Mock's app, a test target. */
export type Requester = {
  readonly app: { request(path: string, init: RequestInit): Response | Promise<Response> }
}

export function send(
  mock: Requester,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers } }
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    init.headers = { 'Content-Type': 'application/json', ...headers }
  }
  return Promise.resolve(mock.app.request(path, init))
}

export async function json(response: Response): Promise<unknown> {
  return JSON.parse(await response.text()) as unknown
}

export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'fauxrest-test-'))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

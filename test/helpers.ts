import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { createMock, type Mock, type MockOptions } from '../src/index.ts'

export const JSONPLACEHOLDER = new URL('../data/jsonplaceholder.json', import.meta.url).pathname
/** The homepage's resource table for JSONPlaceholder: each list's path and its count. */
export const JSONPLACEHOLDER_ROWS = [
  ['/users', '10'],
  ['/posts', '100'],
  ['/comments', '500'],
  ['/albums', '100'],
  ['/photos', '5,000'],
  ['/todos', '200'],
]
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

type Closable = { close(): unknown }

/**
 * Per test: a fresh temp folder. What a test hands to `closeAfter` (a mock, a watcher) is closed
 * after it, newest first, before the folder is removed.
 */
export function tempDirPerTest(): {
  readonly path: string
  closeAfter<T extends Closable>(thing: T): T
} {
  let folder: Awaited<ReturnType<typeof tempDir>> | undefined
  const open: Closable[] = []
  beforeEach(async () => {
    folder = await tempDir()
  })
  afterEach(async () => {
    for (const thing of open.splice(0).toReversed()) await thing.close()
    await folder?.remove()
    folder = undefined
  })
  return {
    get path() {
      if (folder === undefined) throw new Error('tempDirPerTest() is used outside a test')
      return folder.path
    },
    closeAfter(thing) {
      open.push(thing)
      return thing
    },
  }
}

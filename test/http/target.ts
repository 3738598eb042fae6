import type { Data, Row } from '../../src/index.ts'
import { JSONPLACEHOLDER, SHOP, json, memoryMock } from '../helpers.ts'

/** The schemas the HTTP contracts are written against. */
export const CONTRACT_SCHEMAS = { jsonplaceholder: JSONPLACEHOLDER, shop: SHOP } as const
export type ContractSchema = keyof typeof CONTRACT_SCHEMAS

export type TargetOptions = { readonly cors?: boolean }

/**
 * A server the HTTP contracts run against (the Node app in process, or the Worker under
 * workerd): requests by path, a reset, and the data as it started, read through `GET /db`.
 */
export type Target = {
  readonly app: {
    request(path: string, init: RequestInit): Response | Promise<Response>
  }
  reset(): Promise<void>
  /** An item of the data the server started with. */
  row(resource: string, id: number | string): Row | undefined
  list(resource: string): readonly Row[]
  close(): Promise<void>
}

export type OpenTarget = (schema: ContractSchema, options?: TargetOptions) => Promise<Target>

/** A target over `request`, with the data as `GET /db` shows it now. */
export async function targetOver(
  request: Target['app']['request'],
  reset: () => Promise<void>,
  close: () => Promise<void>,
): Promise<Target> {
  const data = (await json(await request('/db', {}))) as Data
  const list = (resource: string): readonly Row[] => {
    const rows = data[resource]
    return Array.isArray(rows) ? (rows as Row[]) : []
  }
  return {
    app: { request },
    reset,
    close,
    list,
    row: (resource, id) => list(resource).find((row) => String(row['id']) === String(id)),
  }
}

/** The Node app, in memory, through app.request(). */
export const openNodeTarget: OpenTarget = async (schema, options = {}) => {
  const mock = await memoryMock({ schema: CONTRACT_SCHEMAS[schema], ...options })
  return targetOver(
    (path, init) => mock.app.request(path, init),
    () => mock.reset(),
    () => mock.close(),
  )
}

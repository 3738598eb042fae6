import type { ObjectNamespace, ObjectState } from './object-storage.ts'

/** The binding wrangler.jsonc gives the Worker to reach its Durable Objects. */
export const DATABASE_BINDING = 'FAUXREST_DATABASE'
/** The Durable Object class the Worker exports, by that name. */
export const DATABASE_CLASS = 'FauxrestDatabase'
/** The binding to the objects sessions live in, one each. */
export const SESSION_BINDING = 'FAUXREST_SESSION'
export const SESSION_CLASS = 'FauxrestSession'

export type WorkerEnv = { readonly [binding: string]: ObjectNamespace | undefined }

/** A Durable Object class as the Workers runtime makes its objects. */
export type ObjectClass = new (
  state: ObjectState,
  env: WorkerEnv,
) => { fetch(request: Request): Promise<Response> }

/** The name of the object a Worker's database lives in. */
export function databaseName(config: { readonly name: string }): string {
  return `database:${config.name}`
}

import type { Context, Next } from 'hono'
import type { RequestScope } from './session/request-scope.ts'

export type Answer = Response | Promise<Response>

/** A route handler behind the request pipeline (CORS, delays, forced statuses, the request log). */
export type Route = (c: Context, next: Next) => Answer

/** A file the host serves for the docs page (Swagger UI's assets), read by the runtime's own means. */
export type AssetFile = { readonly body: Uint8Array<ArrayBuffer>; readonly type: string }
export type AssetSource = (name: string) => Promise<AssetFile | undefined>

/** A route that works on the database the request names (the shared one, or its session's). */
export type ScopedRoute = (c: Context, next: Next, scope: RequestScope) => Answer

import type { HttpBindings } from '@hono/node-server'

/** What a server calls for each request: a Hono app's `fetch`, or one that switches apps. */
export type Fetch = (request: Request, env: HttpBindings) => Response | Promise<Response>

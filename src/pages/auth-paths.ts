import { routeTable } from '../routes/route-table.ts'
import type { Schema } from '../schema/types.ts'

/**
 * Where registration and log-in answer, from the route table (`/register`, or `/signup` when a
 * resource is called `register`); `undefined` when resources take every path of one.
 */
export type AuthPaths = { readonly register?: string; readonly login?: string }

export function authPaths(schema: Schema): AuthPaths {
  const routes = routeTable(schema).ownWith({ auth: true })
  const register = routes.find((route) => route.name === 'register')?.path
  const login = routes.find((route) => route.name === 'login')?.path
  return {
    ...(register === undefined ? {} : { register }),
    ...(login === undefined ? {} : { login }),
  }
}

import type { Context } from 'hono'
import { ruleFromMode } from '../../auth/access.ts'
import type { AuthConfig } from '../../auth/auth-config.ts'
import type { Answer } from '../route.ts'
import type { HandlerDeps } from '../resources/resource-handler.ts'
import type { Target } from '../routing/resolve-target.ts'
import { authRoute } from './auth-routes.ts'
import { guardTarget } from './guard.ts'
import { requestAuth, type GuardOverride, type RequestAuth } from './request-auth.ts'
import { readCaller, type CallerState } from './tokens.ts'

/**
 * With auth on: a `/640/…` prefix is taken off the path and guards the resource it names;
 * registration and log-in are answered; the caller is read from its token, the guard runs, and
 * `run` handles the target with what the caller may see. `undefined` when no resource matches.
 */
export function authStage(
  c: Context,
  path: readonly string[],
  config: AuthConfig,
  deps: HandlerDeps,
  resolve: (segments: readonly string[]) => Target | undefined,
  run: (target: Target, auth: RequestAuth) => Answer,
): Answer | undefined {
  const [first = ''] = path
  const rule = /^\d{3}$/.test(first) ? ruleFromMode(first) : undefined
  const segments = rule === undefined ? path : path.slice(1)
  const special = authRoute(c, segments, {
    store: deps.store,
    options: deps.options,
    config,
    base: deps.base,
    session: deps.session,
  })
  if (special !== undefined) return special
  const { store } = deps
  const target = resolve(segments)
  if (target === undefined) return undefined
  const override: GuardOverride | undefined =
    rule === undefined ? undefined : { resource: target.resource.name, rule }
  const go = (state: CallerState): Answer => {
    const auth = requestAuth(config, state, deps.lookups, override)
    guardTarget(c, target, auth, store)
    return run(target, auth)
  }
  const state = readCaller(c, config, deps.session)
  return state instanceof Promise ? state.then(go) : go(state)
}

import type { AccessRule } from '../../auth/access.ts'
import type { AuthConfig, Caller } from '../../auth/auth-config.ts'
import { authVisibility } from '../../auth/auth-visibility.ts'
import { ruleFor } from '../../auth/may-read.ts'
import type { Lookups } from '../../query/lookups.ts'
import { visibleLookups, type Visibility } from '../../query/visible-lookups.ts'
import type { CallerState } from './tokens.ts'

/** A `/600/…` prefix: the guard it puts on the resource its path names. */
export type GuardOverride = { readonly resource: string; readonly rule: AccessRule }

/** Everything the later stages need to know about one request's caller and rules. */
export type RequestAuth = {
  readonly config: AuthConfig
  readonly state: CallerState
  readonly caller: Caller | undefined
  readonly override: GuardOverride | undefined
  readonly visibility: Visibility
  /** The store as this caller may see it. */
  readonly lookups: Lookups
}

export function requestAuth(
  config: AuthConfig,
  state: CallerState,
  base: Lookups,
  override: GuardOverride | undefined,
): RequestAuth {
  const visibility = authVisibility(config, state.caller, override)
  return {
    config,
    state,
    caller: state.caller,
    override,
    visibility,
    lookups: visibleLookups(base, visibility),
  }
}

/** The rule guarding a resource in this request. */
export function ruleOf(auth: RequestAuth, resource: string): AccessRule {
  const { override } = auth
  return override !== undefined && override.resource === resource
    ? override.rule
    : ruleFor(auth.config, resource)
}

import type { AuthConfig, Caller } from '../auth/auth-config.ts'
import { mayRead } from '../auth/may-read.ts'
import type { FeedPredicate } from './topics.ts'

/**
 * With auth on, a caller hears of a change only if it may read the item as it is and as it was:
 * an item that becomes hidden from it is not followed any further (telling would show it).
 */
export function readAccess(config: AuthConfig, caller: Caller | undefined): FeedPredicate {
  return (change) => {
    if (change.type === 'reset') return true
    const { resource, item, previous } = change
    if (item !== null && !mayRead(config, resource, item, caller)) return false
    return previous === undefined || mayRead(config, resource, previous, caller)
  }
}

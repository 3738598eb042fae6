import type { EventChange } from './event-change.ts'
import type { JsonObject } from '../json.ts'

/**
 * What a subscriber asked to hear about: a resource, optionally only some of its ids, optionally
 * only the items under one parent (`/users/1/posts`: posts whose `userId` is 1).
 */
export type Topic = {
  readonly resource: string
  readonly ids?: ReadonlySet<string>
  readonly parent?: { readonly field: string; readonly id: string }
}

/** Decides whether one subscriber hears one change; `fake` tells changes from fake writes. */
export type FeedPredicate = (change: EventChange, fake: boolean) => boolean

/** Every change passes. */
export const EVERYTHING: FeedPredicate = () => true

/**
 * A change any of the topics names (all of them without topics). An update is heard by the topics
 * its item matched before or after, so a subscriber sees an item leave its list. Resets always pass.
 */
export function topicPredicate(topics: readonly Topic[]): FeedPredicate {
  if (topics.length === 0) return EVERYTHING
  return (change) =>
    change.type === 'reset' ||
    topics.some((topic) => {
      if (topic.resource !== change.resource) return false
      if (topic.ids !== undefined && !topic.ids.has(String(change.id))) return false
      const parent = topic.parent
      if (parent === undefined) return true
      return under(change.item, parent) || under(change.previous, parent)
    })
}

/** The resources the topics name (their changes alone can pass); `undefined` without topics. */
export function topicResources(topics: readonly Topic[]): ReadonlySet<string> | undefined {
  return topics.length === 0 ? undefined : new Set(topics.map((topic) => topic.resource))
}

/** A change passes when every predicate lets it (a topic filter, later an access rule). */
export function allOf(predicates: readonly FeedPredicate[]): FeedPredicate {
  const [only] = predicates
  if (predicates.length === 1 && only !== undefined) return only
  return (change, fake) => predicates.every((predicate) => predicate(change, fake))
}

function under(item: JsonObject | null | undefined, parent: NonNullable<Topic['parent']>): boolean {
  if (item === null || item === undefined) return false
  const value = item[parent.field]
  return value !== null && value !== undefined && String(value) === parent.id
}

import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChangeFeed } from '../../src/feed/change-feed.ts'
import type { EventChange } from '../../src/feed/event-change.ts'
import type { FeedEvent } from '../../src/feed/feed-event.ts'
import { topicPredicate, topicResources } from '../../src/feed/topics.ts'

const created = (resource: string, id: number): EventChange => ({
  type: 'created',
  resource,
  id,
  item: { id },
})

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)
const ids = (events: readonly FeedEvent[] | undefined): string[] =>
  (events ?? []).map((event) => event.id)

afterEach(() => {
  vi.useRealTimers()
})

describe('ChangeFeed flushes', () => {
  it('hands each subscriber what it heard since the last flush at once, the bytes made once', async () => {
    const feed = new ChangeFeed({ epoch: 'e' })
    const everything = [feed.subscribe(), feed.subscribe()]
    const posts = feed.subscribe({ predicate: topicPredicate([{ resource: 'posts' }]) })
    const taken = Promise.all([...everything, posts].map((subscription) => subscription.take()))
    feed.publish([created('posts', 1)])
    feed.publish([created('users', 1), created('posts', 2)])
    const [first, second, onlyPosts] = await taken
    expect(ids(first)).toEqual(['e-1', 'e-2', 'e-3'])
    expect(ids(second)).toEqual(['e-1', 'e-2', 'e-3'])
    expect(ids(onlyPosts)).toEqual(['e-1', 'e-3'])
    const shared = feed.bytes(first ?? [])
    expect(feed.bytes(second ?? [])).toBe(shared)
    expect(text(shared)).toBe((first ?? []).map((event) => event.text).join(''))
    expect(text(feed.bytes(onlyPosts ?? []))).toBe(
      (onlyPosts ?? []).map((event) => event.text).join(''),
    )
  })

  it('spaces flushes that carry several changes so they take at most flushShare of the time', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let now = 1000
    const feed = new ChangeFeed({ epoch: 'e', flushShare: 0.25, now: () => now })
    const subscription = feed.subscribe()
    const heard: string[][] = []
    // Every flush takes 10 ms (as writing to 1,000 sockets would): the next may begin 40 ms after.
    const taker = (events: readonly FeedEvent[] | undefined): void => {
      heard.push(ids(events))
      now += 10
      subscription.pull(taker)
    }
    subscription.pull(taker)
    feed.publish([created('posts', 1), created('posts', 2)])
    vi.advanceTimersByTime(0)
    expect(heard).toEqual([['e-1', 'e-2']])
    feed.publish([created('posts', 3)])
    feed.publish([created('posts', 4)])
    vi.advanceTimersByTime(29)
    expect(heard).toEqual([['e-1', 'e-2']])
    vi.advanceTimersByTime(1)
    expect(heard).toEqual([
      ['e-1', 'e-2'],
      ['e-3', 'e-4'],
    ])
    // A single change after a quiet spell goes at once, and so does the next.
    now += 100
    feed.publish([created('posts', 5)])
    vi.advanceTimersByTime(0)
    feed.publish([created('posts', 6)])
    vi.advanceTimersByTime(0)
    expect(heard.slice(2)).toEqual([['e-5'], ['e-6']])
  })

  it('never spaces flushes further apart than maxFlushGapMs, however long the last one took', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let now = 1000
    const feed = new ChangeFeed({ epoch: 'e', now: () => now })
    const subscription = feed.subscribe()
    const heard: string[][] = []
    // A flush that takes 100 ms (a flood of writes to slow sockets) would space the next 1 s away
    // at the default share; the bound makes it 40 ms after the last began, so at once here.
    const taker = (events: readonly FeedEvent[] | undefined): void => {
      heard.push(ids(events))
      now += 100
      subscription.pull(taker)
    }
    subscription.pull(taker)
    feed.publish([created('posts', 1), created('posts', 2)])
    vi.advanceTimersByTime(0)
    feed.publish([created('posts', 3)])
    vi.advanceTimersByTime(0)
    expect(heard).toEqual([['e-1', 'e-2'], ['e-3']])
    // A flush of 1 ms spaces the next 10 ms away: under the bound, the share decides.
    const fast = (events: readonly FeedEvent[] | undefined): void => {
      heard.push(ids(events))
      now += 1
      subscription.pull(fast)
    }
    subscription.pull(fast)
    feed.publish([created('posts', 4), created('posts', 5)])
    vi.advanceTimersByTime(0)
    expect(heard.at(-1)).toEqual(['e-4', 'e-5'])
    feed.publish([created('posts', 6)])
    vi.advanceTimersByTime(8)
    expect(heard.at(-1)).toEqual(['e-4', 'e-5'])
    vi.advanceTimersByTime(1)
    expect(heard.at(-1)).toEqual(['e-6'])
  })

  it('hands a subscriber that came during a run only what followed it', async () => {
    const feed = new ChangeFeed({ epoch: 'e' })
    const early = feed.subscribe()
    feed.publish([created('posts', 1)])
    const late = feed.subscribe()
    const replaying = feed.subscribe({ lastEventId: 'e-0' })
    feed.publish([created('posts', 2)])
    const [fromEarly, fromLate, fromReplay] = await Promise.all(
      [early, late, replaying].map((subscription) => subscription.take()),
    )
    expect(ids(fromEarly)).toEqual(['e-1', 'e-2'])
    expect(ids(fromLate)).toEqual(['e-2'])
    expect(ids(fromReplay)).toEqual(['e-1', 'e-2'])
  })

  it('offers a subscriber on named resources their changes and resets, and no others', async () => {
    const feed = new ChangeFeed({ epoch: 'e' })
    const topics = [{ resource: 'posts' }, { resource: 'comments' }]
    const named = feed.subscribe({
      predicate: topicPredicate(topics),
      resources: topicResources(topics),
    })
    // Its predicate would let anything through: only the feed's index keeps users out.
    const loose = feed.subscribe({ predicate: () => true, resources: new Set(['posts']) })
    const taken = Promise.all([named.take(), loose.take()])
    feed.publish([created('users', 1), created('posts', 1), created('comments', 1)])
    feed.publish([{ type: 'reset', reason: 'reset' }])
    const [fromNamed, fromLoose] = await taken
    expect(ids(fromNamed)).toEqual(['e-2', 'e-3', 'e-4'])
    expect(ids(fromLoose)).toEqual(['e-2', 'e-4'])
    named.close()
    loose.close()
    expect(feed.subscribers).toBe(0)
  })

  it('ends a closed subscription at the next flush, after what was queued', async () => {
    const feed = new ChangeFeed({ epoch: 'e' })
    const subscription = feed.subscribe()
    feed.publish([created('posts', 1)])
    subscription.close()
    expect(ids(await subscription.take())).toEqual(['e-1'])
    expect(await subscription.take()).toBeUndefined()
    expect(feed.subscribers).toBe(0)
  })
})

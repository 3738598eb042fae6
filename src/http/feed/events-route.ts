import type { Context } from 'hono'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import type { ChangeFeed, Subscription } from '../../feed/change-feed.ts'
import type { FeedEvent } from '../../feed/feed-event.ts'
import { parseTopics } from '../../feed/parse-topics.ts'
import { readAccess } from '../../feed/read-access.ts'
import { allOf, topicPredicate, type FeedPredicate } from '../../feed/topics.ts'
import type { AuthConfig } from '../../auth/auth-config.ts'
import { readCaller, unauthorized, type CallerState } from '../auth/tokens.ts'
import type { Schema } from '../../schema/types.ts'
import { answer, answerHeaders } from '../answer/answer-headers.ts'
import { requestHeader } from '../request/request-header.ts'
import type { Answer } from '../route.ts'

export type EventsDeps = {
  readonly schema: Schema
  /** With auth on, a client hears only of what it may read. */
  readonly auth: AuthConfig | undefined
}

const STREAM_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }
const KEEP_ALIVE = ': keep-alive\n\n'

/**
 * `GET /_events`: the change feed as Server-Sent Events. The query picks topics (400 for a bad
 * one, before the stream starts); `Last-Event-ID` replays what the client missed. `feed` is the
 * shared feed, or a session's (which hears only that session's changes).
 */
export function eventsRoute(
  deps: EventsDeps,
): (c: Context, feed: ChangeFeed, session: string | undefined) => Answer {
  return (c, feed, session) => {
    // GET and HEAD only: the route table registers it so, and the 404 handler answers the rest.
    const topics = parseTopics(new URL(c.req.url).searchParams, deps.schema)
    if (c.req.method === 'HEAD') return answer(c, null, 200, STREAM_HEADERS)
    const auth = deps.auth
    if (auth === undefined) return eventStream(c, feed, topicPredicate(topics))
    const state = readCaller(c, auth, session)
    const go = (caller: CallerState): Response => {
      // A token that does not check out is said; no token is an anonymous client.
      if (caller.caller === undefined && caller.invalid) throw unauthorized(caller)
      const predicate = allOf([topicPredicate(topics), readAccess(auth, caller.caller)])
      return eventStream(c, feed, predicate)
    }
    return state instanceof Promise ? state.then(go) : go(state)
  }
}

/** The stream of what `predicate` lets through; `Last-Event-ID` replays what was missed first. */
function eventStream(c: Context, feed: ChangeFeed, predicate: FeedPredicate): Response {
  const lastEventId = requestHeader(c, 'last-event-id')
  for (const [name, value] of Object.entries(answerHeaders(c))) c.header(name, value)
  return streamSSE(c, (sse) => {
    const subscription = feed.subscribe({
      predicate,
      lastEventId,
      // The client stopped reading: the reset and the end go out behind the write it is stuck on.
      onOverflow: (reset) => {
        void sse.write(reset.text)
        void sse.close()
      },
    })
    return pump(sse, feed, subscription, lastEventId === undefined)
  })
}

async function pump(
  stream: SSEStreamingApi,
  feed: ChangeFeed,
  subscription: Subscription,
  fresh: boolean,
): Promise<void> {
  stream.onAbort(() => subscription.close())
  let busy = false
  const keepAlive = setInterval(() => {
    if (!busy) void stream.write(KEEP_ALIVE)
  }, feed.keepAliveMs)
  try {
    // A message with an id and no data sets the client's position without an event: a client that
    // reconnects before its first event still resumes from here.
    await stream.write(`retry: ${feed.retryMs}\n${fresh ? `id: ${feed.lastId}\n` : ''}\n`)
    for (let events = await subscription.take(); events; events = await subscription.take()) {
      busy = true
      await stream.write(text(events))
      busy = false
    }
  } finally {
    clearInterval(keepAlive)
    subscription.close()
  }
}

function text(events: readonly FeedEvent[]): string {
  return events.length === 1 ? (events[0]?.text ?? '') : events.map((event) => event.text).join('')
}

import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { ChangeFeed } from '../../feed/change-feed.ts'
import { FeedStream, type StreamSink } from '../../feed/feed-stream.ts'
import { parseTopics } from '../../feed/parse-topics.ts'
import { readAccess } from '../../feed/read-access.ts'
import { allOf, topicPredicate, topicResources, type FeedPredicate } from '../../feed/topics.ts'
import type { AuthConfig } from '../../auth/auth-config.ts'
import { readCaller, unauthorized, type CallerState } from '../auth/tokens.ts'
import type { Schema } from '../../schema/types.ts'
import { answer, answerHeaders } from '../answer/answer-headers.ts'
import { requestHeader } from '../request/request-header.ts'
import type { Answer } from '../route.ts'
import { offerStream } from './stream-offers.ts'

export type EventsDeps = {
  readonly schema: Schema
  /** With auth on, a client hears only of what it may read. */
  readonly auth: AuthConfig | undefined
}

const STREAM_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }

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
    const resources = topicResources(topics)
    if (auth === undefined) return eventStream(c, feed, topicPredicate(topics), resources)
    const state = readCaller(c, auth, session)
    const go = (caller: CallerState): Response => {
      // A token that does not check out is said; no token is an anonymous client.
      if (caller.caller === undefined && caller.invalid) throw unauthorized(caller)
      const predicate = allOf([topicPredicate(topics), readAccess(auth, caller.caller)])
      return eventStream(c, feed, predicate, resources)
    }
    return state instanceof Promise ? state.then(go) : go(state)
  }
}

/** The stream of what `predicate` lets through; `Last-Event-ID` replays what was missed first. */
function eventStream(
  c: Context,
  feed: ChangeFeed,
  predicate: FeedPredicate,
  resources: ReadonlySet<string> | undefined,
): Response {
  const lastEventId = requestHeader(c, 'last-event-id')
  for (const [name, value] of Object.entries(answerHeaders(c))) c.header(name, value)
  let stream: FeedStream | undefined
  const response = streamSSE(c, (sse) => {
    const sink: StreamSink = { write: (bytes) => sse.write(bytes), end: () => void sse.close() }
    const opened = new FeedStream(feed, sink, { predicate, resources, lastEventId })
    stream = opened
    sse.onAbort(() => opened.gone(sink))
    // A message with an id and no data sets the client's position without an event: a client that
    // reconnects before its first event still resumes from here.
    const position = lastEventId === undefined ? `id: ${feed.lastId}\n` : ''
    return opened.run(`retry: ${feed.retryMs}\n${position}\n`)
  })
  if (stream !== undefined) offerStream(c.req.raw, response.body, stream)
  return response
}

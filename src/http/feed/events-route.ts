import type { Context } from 'hono'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import type { ChangeFeed, Subscription } from '../../feed/change-feed.ts'
import type { FeedEvent } from '../../feed/feed-event.ts'
import { parseTopics } from '../../feed/parse-topics.ts'
import { allOf, topicPredicate } from '../../feed/topics.ts'
import type { Schema } from '../../schema/types.ts'
import { answer, answerHeaders } from '../answer/answer-headers.ts'
import { requestHeader } from '../request/request-header.ts'
import type { Answer } from '../route.ts'

export type EventsDeps = { readonly feed: ChangeFeed; readonly schema: Schema }

const STREAM_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }
const KEEP_ALIVE = ': keep-alive\n\n'

/**
 * `GET /_events`: the change feed as Server-Sent Events. The query picks topics (400 for a bad
 * one, before the stream starts); `Last-Event-ID` replays what the client missed.
 */
export function eventsRoute(deps: EventsDeps): (c: Context) => Answer {
  return (c) => {
    // GET and HEAD only: the route table registers it so, and the 404 handler answers the rest.
    const topics = parseTopics(new URL(c.req.url).searchParams, deps.schema)
    if (c.req.method === 'HEAD') return answer(c, null, 200, STREAM_HEADERS)
    // Sessions and auth join here as one more predicate: may this client read this item.
    const predicate = allOf([topicPredicate(topics)])
    const lastEventId = requestHeader(c, 'last-event-id')
    for (const [name, value] of Object.entries(answerHeaders(c))) c.header(name, value)
    return streamSSE(c, (stream) =>
      pump(
        stream,
        deps.feed,
        deps.feed.subscribe({
          predicate,
          lastEventId,
          // The client stopped reading: the reset and the end go out behind the write it is stuck on.
          onOverflow: (reset) => {
            void stream.write(reset.text)
            void stream.close()
          },
        }),
        lastEventId === undefined,
      ),
    )
  }
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

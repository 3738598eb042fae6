import type { FeedStream } from '../../feed/feed-stream.ts'

type Offer = { readonly body: ReadableStream; readonly stream: FeedStream }

const offers = new WeakMap<Request, Offer>()

/**
 * An `/_events` answer's stream, offered to a server that can write it to the client itself
 * (node/feed-takeover.ts) instead of through the answer's body.
 */
export function offerStream(
  request: Request,
  body: ReadableStream | null,
  stream: FeedStream,
): void {
  if (body !== null) offers.set(request, { body, stream })
}

/**
 * The stream offered for `request`, once, if `answer` still carries it: a middleware that answered
 * with another body keeps its own.
 */
export function takeStream(request: Request, answer: Response): FeedStream | undefined {
  const offer = offers.get(request)
  if (offer === undefined) return undefined
  offers.delete(request)
  return answer.body === offer.body ? offer.stream : undefined
}

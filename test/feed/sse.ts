/** One Server-Sent Events message as a client parses it (comments kept, for keep-alives). */
export type SseMessage = {
  readonly id?: string
  readonly event?: string
  readonly data?: string
  readonly retry?: string
  readonly comment?: string
}

export type Heard = { readonly event: string; readonly id: string; readonly data: unknown }

export type SseReader = {
  /** The next message; `undefined` once the stream has ended. */
  next(): Promise<SseMessage | undefined>
  /** The next message with data (events), parsed; skips comments and id-only messages. */
  event(): Promise<Heard | undefined>
  /** `count` events. */
  events(count: number): Promise<Heard[]>
  /** Every remaining message until the stream ends. */
  rest(): Promise<SseMessage[]>
  cancel(): Promise<void>
}

export function sseReader(response: Response): SseReader {
  const body = response.body
  if (body === null) throw new Error('no body')
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let ended = false

  const next = async (): Promise<SseMessage | undefined> => {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        return parse(block)
      }
      if (ended) return undefined
      const { done, value } = await reader.read()
      if (done) ended = true
      else buffer += decoder.decode(value, { stream: true })
    }
  }
  const event = async (): Promise<Heard | undefined> => {
    for (let message = await next(); message !== undefined; message = await next()) {
      if (message.data === undefined) continue
      return {
        event: message.event ?? 'message',
        id: message.id ?? '',
        data: JSON.parse(message.data) as unknown,
      }
    }
    return undefined
  }
  return {
    next,
    event,
    async events(count) {
      const heard: Heard[] = []
      while (heard.length < count) {
        const one = await event()
        if (one === undefined) throw new Error(`stream ended after ${heard.length} events`)
        heard.push(one)
      }
      return heard
    },
    async rest() {
      const messages: SseMessage[] = []
      for (let message = await next(); message !== undefined; message = await next()) {
        messages.push(message)
      }
      return messages
    },
    cancel: () => reader.cancel(),
  }
}

function parse(block: string): SseMessage {
  const message: Record<string, string> = {}
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      message['comment'] = line.slice(1).trim()
      continue
    }
    const colon = line.indexOf(':')
    const name = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    message[name] =
      name === 'data' && message['data'] !== undefined ? `${message['data']}\n${value}` : value
  }
  return message
}

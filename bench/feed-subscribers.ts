// A process that holds many /_events streams open, for the feed bench. Driven over stdin/stdout
// lines: `open N PORT QUERY` opens N more streams and answers `opened N`; `count` answers
// `count EVENTS BYTES OPEN`; `close` ends them all and answers `closed`.
import { Agent, request, type ClientRequest } from 'node:http'
import { createInterface } from 'node:readline'

const streams = new Set<ClientRequest>()
// One socket per stream, however many.
const agent = new Agent({ keepAlive: false, maxSockets: Infinity })
let events = 0
let bytes = 0

function openOne(port: number, query: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/_events${query}`, agent },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`GET /_events: ${response.statusCode}`))
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          // Every event has exactly one "\nevent: " line; keep-alives and the opening have none.
          for (
            let at = chunk.indexOf('event: ');
            at !== -1;
            at = chunk.indexOf('event: ', at + 1)
          ) {
            events++
          }
        })
        response.once('close', () => streams.delete(req))
        resolve()
      },
    )
    req.on('error', (error) => {
      streams.delete(req)
      reject(error)
    })
    streams.add(req)
    req.end()
  })
}

async function open(count: number, port: number, query: string): Promise<void> {
  // A few at a time: a thousand at once would sit in the server's accept backlog.
  for (let done = 0; done < count; done += 50) {
    const batch = Math.min(50, count - done)
    await Promise.all(Array.from({ length: batch }, () => openOne(port, query)))
  }
}

const reply = (line: string): boolean => process.stdout.write(`${line}\n`)

createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, ...args] = line.split(' ')
  if (command === 'open') {
    const [count = '0', port = '0', query = ''] = args
    open(Number(count), Number(port), query).then(
      () => reply(`opened ${streams.size}`),
      (error: unknown) => reply(`error ${String(error)}`),
    )
  } else if (command === 'count') {
    reply(`count ${events} ${bytes} ${streams.size}`)
  } else if (command === 'close') {
    for (const stream of streams) stream.destroy()
    streams.clear()
    events = 0
    bytes = 0
    reply('closed')
  }
})
process.stdin.once('end', () => process.exit(0))

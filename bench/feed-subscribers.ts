// A process that holds many /_events streams open, for the feed bench. Driven over stdin/stdout
// lines: `open N PORT QUERY` opens N more streams and answers `opened N`; `count` answers
// `count EVENTS BYTES OPEN FEWEST MOST` (the last two: events per open stream); `close` ends them
// all and answers `closed`.
import { Agent, request, type ClientRequest } from 'node:http'
import { createInterface } from 'node:readline'

/** Open streams, each with the events it received. */
const streams = new Map<ClientRequest, { events: number }>()
// One socket per stream, however many.
const agent = new Agent({ keepAlive: false, maxSockets: Infinity })
let events = 0
let bytes = 0
// Every event has exactly one "\nevent: " line; keep-alives and the opening have none.
const MARK = Buffer.from('event: ')

function openOne(port: number, query: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/_events${query}`, agent },
      (response) => {
        const heard = { events: 0 }
        streams.set(req, heard)
        if (response.statusCode !== 200) reject(new Error(`GET /_events: ${response.statusCode}`))
        // The end of the last chunk, for a mark split between two.
        let tail = Buffer.alloc(0)
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          let count = 0
          if (tail.length > 0) {
            const seam = Buffer.concat([tail, chunk.subarray(0, MARK.length - 1)])
            if (seam.includes(MARK)) count++
          }
          for (let at = chunk.indexOf(MARK); at !== -1; at = chunk.indexOf(MARK, at + 1)) count++
          tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - (MARK.length - 1))))
          events += count
          heard.events += count
        })
        response.once('close', () => streams.delete(req))
        resolve()
      },
    )
    req.on('error', (error) => {
      streams.delete(req)
      reject(error)
    })
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
    const each = [...streams.values()].map((stream) => stream.events)
    const fewest = each.length === 0 ? 0 : Math.min(...each)
    const most = each.length === 0 ? 0 : Math.max(...each)
    reply(`count ${events} ${bytes} ${streams.size} ${fewest} ${most}`)
  } else if (command === 'close') {
    for (const stream of streams.keys()) stream.destroy()
    streams.clear()
    events = 0
    bytes = 0
    reply('closed')
  }
})
process.stdin.once('end', () => process.exit(0))

// The benchmark's reference: a bare node:http server (no framework) that serves the benchmark's
// requests from a json-server style db file with Map indices, and persists writes the way a
// careful hand-written server would: coalesced, atomic, re-serialising only what changed.
//
//   tsx bench/baseline-server.ts DB.json --port N [--durable] [--fsync] [--feed-batch] [--quiet]
//
// Without --durable a write is answered at once, before the disk: fauxrest's POST and PATCH
// figures are compared with this mode. --durable answers a write only after the file write that
// contains it has completed; with --fsync that write also reaches stable storage (the temp file
// and the folder are fsynced), the promise fauxrest makes. Reads are the same code in all modes.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { open, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

type Row = { [key: string]: unknown }

const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    durable: { type: 'boolean', default: false },
    fsync: { type: 'boolean', default: false },
    'feed-batch': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
})
const dbPath = resolve(positionals[0] ?? 'db.json')
const tempPath = join(dirname(dbPath), `.${basename(dbPath)}.baseline.tmp`)

// ------------------------------------------------------------------ tables and indices

const singular = (name: string): string =>
  name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.endsWith('s') ? name.slice(0, -1) : name

const isForeignKey = (field: string): boolean => field.length > 2 && field.endsWith('Id')

class Table {
  readonly name: string
  readonly rows: Row[]
  readonly byId = new Map<string, Row>()
  // field -> String(value) -> rows holding it, in table order
  readonly foreign = new Map<string, Map<string, Row[]>>()
  nextId = 1
  // Cached answers and file text; both are dropped by the next mutation.
  listBody: Buffer | undefined
  fileText: Buffer | undefined

  constructor(name: string, rows: Row[]) {
    this.name = name
    this.rows = rows
    for (const row of rows) this.#index(row)
  }

  #index(row: Row): void {
    const id = row['id']
    this.byId.set(String(id), row)
    if (typeof id === 'number' && id >= this.nextId) this.nextId = id + 1
    for (const field in row) {
      if (isForeignKey(field)) this.#addForeign(field, row[field], row)
    }
  }

  #addForeign(field: string, value: unknown, row: Row): void {
    let byValue = this.foreign.get(field)
    if (byValue === undefined) this.foreign.set(field, (byValue = new Map()))
    const key = String(value)
    const holders = byValue.get(key)
    if (holders === undefined) byValue.set(key, [row])
    else holders.push(row)
  }

  #removeForeign(field: string, value: unknown, row: Row): void {
    const holders = this.foreign.get(field)?.get(String(value))
    const at = holders?.indexOf(row) ?? -1
    if (holders !== undefined && at >= 0) holders.splice(at, 1)
  }

  // Rows whose field equals value, or undefined when the field has no index.
  lookup(field: string, value: string): readonly Row[] | undefined {
    if (field === 'id') {
      const row = this.byId.get(value)
      return row === undefined ? [] : [row]
    }
    const byValue = this.foreign.get(field)
    return byValue === undefined ? undefined : (byValue.get(value) ?? [])
  }

  insert(body: Row): Row {
    const given = body['id']
    const id =
      (typeof given === 'number' || typeof given === 'string') && !this.byId.has(String(given))
        ? given
        : this.nextId
    const row: Row = { ...body, id }
    this.rows.push(row)
    this.#index(row)
    return row
  }

  // A shallow merge in place: new keys land at the end, as with { ...row, ...patch }.
  patch(row: Row, patch: Row): Row {
    for (const [field, value] of Object.entries(patch)) {
      if (field === 'id') continue
      if (isForeignKey(field) && String(row[field]) !== String(value)) {
        if (field in row) this.#removeForeign(field, row[field], row)
        this.#addForeign(field, value, row)
      }
      row[field] = value
    }
    return row
  }
}

const started = performance.now()
const parsed: unknown = JSON.parse(await readFile(dbPath, 'utf8'))
if (!isRow(parsed)) throw new Error(`${dbPath} must hold a JSON object`)
const db: Row = parsed
const order = Object.keys(db)
const tables = new Map<string, Table>()
for (const name of order) {
  const value = db[name]
  if (Array.isArray(value)) tables.set(name, new Table(name, value.filter(isRow)))
}
const loadMs = performance.now() - started

// ------------------------------------------------------------------ persistence

let changes = 0 // bumped by every mutation
let savedChanges = 0 // every change up to this one is in the file on disk
let writing = false
let writeAgain = false
let writeDone: Promise<void> = Promise.resolve()
let writes = 0
let waiting: { readonly change: number; readonly release: () => void }[] = []

// The text of one resource exactly as it sits nested in JSON.stringify(db, null, 2).
function fileTextOf(name: string): Buffer {
  const table = tables.get(name)
  if (table?.fileText !== undefined) return table.fileText
  const nested = JSON.stringify({ [name]: table?.rows ?? db[name] }, null, 2)
  const head = `{\n  ${JSON.stringify(name)}: `.length
  const text = Buffer.from(nested.slice(head, nested.length - 2))
  if (table !== undefined) table.fileText = text
  return text
}

function fileParts(): Buffer[] {
  const parts: Buffer[] = [Buffer.from('{')]
  order.forEach((name, at) => {
    parts.push(Buffer.from(`${at === 0 ? '' : ','}\n  ${JSON.stringify(name)}: `), fileTextOf(name))
  })
  parts.push(Buffer.from(order.length === 0 ? '}\n' : '\n}\n'))
  return parts
}

async function writeLoop(): Promise<void> {
  try {
    do {
      writeAgain = false
      const upTo = changes
      const file = await open(tempPath, 'w')
      try {
        await file.writev(fileParts())
        if (flags.fsync) await file.datasync()
      } finally {
        await file.close()
      }
      await rename(tempPath, dbPath)
      if (flags.fsync) {
        const folder = await open(dirname(dbPath), 'r')
        await folder.sync().finally(() => folder.close())
      }
      writes++
      savedChanges = upTo
      const still = []
      for (const waiter of waiting) {
        if (waiter.change <= savedChanges) waiter.release()
        else still.push(waiter)
      }
      waiting = still
    } while (writeAgain)
  } finally {
    writing = false
  }
}

// Marks a table changed and schedules a write; resolves when the change is on disk (--durable)
// or at once. A write starts on the next turn of the event loop so a burst shares it, and at most
// one runs at a time: changes made during it are all carried by the one write that follows.
function changed(table: Table): Promise<void> {
  changes++
  table.listBody = undefined
  table.fileText = undefined
  if (writing) writeAgain = true
  else {
    writing = true
    writeDone = new Promise<void>((next) => setImmediate(next)).then(writeLoop)
    writeDone.catch((error: unknown) => console.error('baseline: write failed', error))
  }
  if (!flags.durable) return Promise.resolve()
  const change = changes
  return new Promise((release) => waiting.push({ change, release }))
}

// ------------------------------------------------------------------ change feed

const streams = new Set<ServerResponse>()
let eventSeq = 0
let pendingEvents: Buffer[] = []

function openStream(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' })
  res.write('retry: 2000\n\n')
  streams.add(res)
  res.once('close', () => streams.delete(res))
}

// The frame is made once per event and the same bytes go to every stream.
function announce(resource: string, row: Row): void {
  if (streams.size === 0) return
  const data = JSON.stringify({ resource, id: row['id'], item: row })
  const frame = Buffer.from(`id: ${++eventSeq}\nevent: created\ndata: ${data}\n\n`)
  if (!flags['feed-batch']) {
    for (const stream of streams) stream.write(frame)
    return
  }
  pendingEvents.push(frame)
  if (pendingEvents.length === 1) setImmediate(flushEvents)
}

function flushEvents(): void {
  const bytes = Buffer.concat(pendingEvents)
  pendingEvents = []
  for (const stream of streams) stream.write(bytes)
}

// ------------------------------------------------------------------ answers

const json = (value: unknown): string => JSON.stringify(value, null, 2)

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  })
  res.end(body)
}

const notFound = (res: ServerResponse): void => send(res, 404, '{}')

function compareBy(field: string, descending: boolean): (a: Row, b: Row) => number {
  const sign = descending ? -1 : 1
  return (a, b) => {
    const x = a[field]
    const y = b[field]
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y)
    const s = String(x)
    const t = String(y)
    return s < t ? -sign : s > t ? sign : 0
  }
}

// Equality filters (indexed when possible), _sort, _embed and _page/_limit: the subset of the
// json-server query language the benchmark sends.
function answerList(
  res: ServerResponse,
  table: Table,
  query: URLSearchParams,
  host: string,
  path: string,
): void {
  const filters: [string, string][] = []
  let sort: string | undefined
  let embed: Table | undefined
  let page: number | undefined
  let limit: number | undefined
  for (const [key, value] of query) {
    if (key === '_sort') sort = value
    else if (key === '_embed') embed = tables.get(value)
    else if (key === '_page') page = Number.parseInt(value, 10)
    else if (key === '_limit') limit = Number.parseInt(value, 10)
    else if (!key.startsWith('_')) filters.push([key, value])
  }
  if (filters.length === 0 && sort === undefined && embed === undefined && page === undefined) {
    table.listBody ??= Buffer.from(json(table.rows))
    return send(res, 200, table.listBody)
  }
  let rows: readonly Row[] = table.rows
  const first = filters.find(([field, value]) => table.lookup(field, value) !== undefined)
  if (first !== undefined) rows = table.lookup(first[0], first[1]) ?? []
  const rest = filters.filter((filter) => filter !== first)
  if (rest.length > 0) {
    rows = rows.filter((row) => rest.every(([field, value]) => String(row[field]) === value))
  }
  if (sort !== undefined) {
    const descending = sort.startsWith('-')
    const field = descending ? sort.slice(1) : sort
    rows = rows.toSorted(compareBy(field, descending || query.get('_order') === 'desc'))
  }
  const headers: Record<string, string> = {}
  if (page !== undefined && Number.isInteger(page)) {
    const per = limit !== undefined && limit > 0 ? limit : 10
    const at = Math.max(1, page)
    const last = Math.max(1, Math.ceil(rows.length / per))
    headers['X-Total-Count'] = String(rows.length)
    headers['Link'] = pageLinks(`http://${host}${path}`, query, at, last)
    rows = rows.slice((at - 1) * per, at * per)
  }
  if (embed !== undefined) {
    const children = embed
    const field = `${singular(table.name)}Id`
    rows = rows.map((row) => ({
      ...row,
      [children.name]: children.lookup(field, String(row['id'])) ?? [],
    }))
  }
  send(res, 200, json(rows), headers)
}

function pageLinks(base: string, query: URLSearchParams, page: number, last: number): string {
  const link = (to: number, rel: string): string => {
    const params = new URLSearchParams(query)
    params.set('_page', String(to))
    return `<${base}?${params.toString()}>; rel="${rel}"`
  }
  const links = [link(1, 'first')]
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (page < last) links.push(link(page + 1, 'next'))
  links.push(link(last, 'last'))
  return links.join(', ')
}

async function readJsonObject(req: IncomingMessage): Promise<Row | undefined> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    return isRow(value) ? value : undefined
  } catch {
    return undefined
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/'
  const mark = url.indexOf('?')
  const path = mark < 0 ? url : url.slice(0, mark)
  const query = new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1))
  const segments = path
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent)
  const table = tables.get(segments[0] ?? '')
  const host = req.headers.host ?? `${flags.host}:${flags.port}`
  if (path === '/_events' && req.method === 'GET') return openStream(res)
  if (table === undefined) return notFound(res)

  if (segments.length === 1 && req.method === 'GET')
    return answerList(res, table, query, host, path)
  if (segments.length === 1 && req.method === 'POST') {
    const body = await readJsonObject(req)
    if (body === undefined) return send(res, 400, '{"error":"Body must be a JSON object"}')
    const row = table.insert(body)
    await changed(table)
    send(res, 201, json(row), { Location: `/${table.name}/${String(row['id'])}` })
    return announce(table.name, row)
  }
  const row = table.byId.get(segments[1] ?? '')
  if (segments.length === 2 && req.method === 'GET') {
    return row === undefined ? notFound(res) : send(res, 200, json(row))
  }
  if (segments.length === 2 && req.method === 'PATCH') {
    const body = await readJsonObject(req)
    if (body === undefined) return send(res, 400, '{"error":"Body must be a JSON object"}')
    if (row === undefined) return notFound(res)
    table.patch(row, body)
    await changed(table)
    return send(res, 200, json(row))
  }
  // /:parent/:id/:child: the child rows whose <parent singular>Id is id
  const child = tables.get(segments[2] ?? '')
  if (segments.length === 3 && req.method === 'GET' && child !== undefined) {
    if (row === undefined) return notFound(res)
    const nested = new URLSearchParams(query)
    nested.set(`${singular(table.name)}Id`, segments[1] ?? '')
    return answerList(res, child, nested, host, `/${child.name}`)
  }
  return notFound(res)
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error('baseline:', error)
    if (!res.headersSent) send(res, 500, '{"error":"internal"}')
  })
})
server.keepAliveTimeout = 65_000
server.listen(Number(flags.port), flags.host, () => {
  if (!flags.quiet) {
    const counts = [...tables.values()].map((t) => `${t.name} ${t.rows.length}`).join(', ')
    console.log(
      `baseline on http://${flags.host}:${flags.port} (${loadMs.toFixed(0)} ms): ${counts}`,
    )
  }
})

// Flush: every change made before the signal is on disk when the process exits.
async function stop(signal: string): Promise<void> {
  server.close()
  server.closeAllConnections()
  // A write in flight chains any write it must be followed by: wait until the chain is done.
  for (let done = writeDone; ; done = writeDone) {
    await done.catch(() => undefined)
    if (done === writeDone) break
  }
  if (!flags.quiet) console.log(`baseline: ${signal}, ${writes} file writes`)
  process.exit(0)
}
process.once('SIGTERM', () => void stop('SIGTERM'))
process.once('SIGINT', () => void stop('SIGINT'))

// Checks each scenario's answer against what the generated db file says it must be, so no
// figure is ever measured on a wrong (say, empty or 404) answer.
import { isDeepStrictEqual } from 'node:util'
import type { Answer } from './http-request.ts'
import { FilePersistence } from '../src/node/file-persistence.ts'
import type { Scenario } from './scenarios.ts'

type Row = { readonly [key: string]: unknown }

const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The rows of one resource of a parsed db file. */
export function rowsOf(db: unknown, resource: string): readonly Row[] {
  const value = isRow(db) ? db[resource] : undefined
  return Array.isArray(value) ? value.filter(isRow) : []
}

const OK = 'ok'

function parse(answer: Answer): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8'))
  } catch {
    return undefined
  }
}

const count = (value: unknown): string => (Array.isArray(value) ? `${value.length} rows` : 'item')

function expectBody(answer: Answer, status: number, want: unknown, what: string): string {
  if (answer.status !== status) {
    return `HTTP ${answer.status || answer.error}, want ${status}`
  }
  const got = parse(answer)
  if (isDeepStrictEqual(got, want)) return OK
  return `wrong ${what}: got ${count(got)}, want ${count(want)}`
}

// rel -> _page of each link in a Link header
function linkPages(header: string | undefined): Record<string, number> {
  const pages: Record<string, number> = {}
  for (const match of (header ?? '').matchAll(/<[^>]*[?&]_page=(\d+)[^>]*>;\s*rel="(\w+)"/g)) {
    pages[match[2] ?? ''] = Number(match[1])
  }
  return pages
}

/** 'ok', or what is wrong with a read scenario's answer, given the db it serves. */
export function checkRead(scenario: Scenario, answer: Answer, db: unknown): string {
  const posts = rowsOf(db, 'posts')
  const comments = rowsOf(db, 'comments')
  const byPost = (id: unknown): Row[] => comments.filter((row) => row['postId'] === id)
  switch (scenario.name) {
    case 'get-by-id':
      return expectBody(
        answer,
        200,
        posts.find((row) => row['id'] === 1),
        'post 1',
      )
    case 'filter-fk':
      return expectBody(answer, 200, byPost(7), 'comments of post 7')
    case 'nested':
      return expectBody(
        answer,
        200,
        posts.filter((row) => row['userId'] === 1),
        'posts of user 1',
      )
    case 'full-list':
      return expectBody(answer, 200, rowsOf(db, 'photos'), 'photos')
    case 'combined': {
      const want = posts
        .filter((row) => row['userId'] === 3)
        .toSorted((a, b) => Number(b['id']) - Number(a['id']))
        .map((row) => ({ ...row, comments: byPost(row['id']) }))
      return expectBody(answer, 200, want, 'posts of user 3 with comments')
    }
    case 'page': {
      const body = expectBody(answer, 200, posts.slice(20, 30), 'page 3')
      if (body !== OK) return body
      const total = answer.headers['x-total-count']
      if (total !== String(posts.length)) return `X-Total-Count ${total}, want ${posts.length}`
      const want = { first: 1, prev: 2, next: 4, last: Math.max(1, Math.ceil(posts.length / 10)) }
      const header = answer.headers['link']
      const got = linkPages(typeof header === 'string' ? header : undefined)
      return isDeepStrictEqual(got, want) ? OK : `Link pages ${JSON.stringify(got)}`
    }
    default:
      return `${scenario.name} is not a read`
  }
}

// What a restart reads: the file with fauxrest's journal (if any) replayed.
async function onDisk(dbFile: string, id: number): Promise<Row | undefined> {
  const db = await new FilePersistence({ path: dbFile, label: dbFile }).read()
  return rowsOf(db?.data, 'posts').find((row) => row['id'] === id)
}

/**
 * 'ok', or what is wrong with a write scenario's answer. `posts` is the posts before the write;
 * the file must already hold the change when the answer arrives (answers follow the disk).
 */
export async function checkWrite(
  scenario: Scenario,
  answer: Answer,
  posts: readonly Row[],
  dbFile: string,
  /** The server promises the change is on disk when it answers. */
  durable: boolean,
): Promise<string> {
  const body: unknown = JSON.parse(scenario.body ?? '{}')
  if (!isRow(body)) return 'the scenario body is not an object'
  if (scenario.name === 'post') {
    const id = Math.max(0, ...posts.map((row) => Number(row['id']))) + 1
    const want = { ...body, id }
    const answered = expectBody(answer, 201, want, 'created post')
    if (answered !== OK) return answered
    if (!durable) return OK
    return isDeepStrictEqual(await onDisk(dbFile, id), want) ? OK : 'answered before on disk'
  }
  if (scenario.name === 'patch') {
    const want = { ...posts.find((row) => row['id'] === 1), ...body }
    const answered = expectBody(answer, 200, want, 'patched post')
    if (answered !== OK) return answered
    if (!durable) return OK
    return isDeepStrictEqual(await onDisk(dbFile, 1), want) ? OK : 'answered before on disk'
  }
  return `${scenario.name} is not a write`
}

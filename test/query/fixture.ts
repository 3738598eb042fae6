import type { JsonObject, JsonValue, Row } from '../../src/json.ts'
import { parseItemQuery, parseListQuery } from '../../src/query/parse-query.ts'
import type { Lookups } from '../../src/query/lookups.ts'
import { runListQuery, shapeItem, type ListResult, type Scope } from '../../src/query/run-query.ts'
import type { FieldSpec, JsonType, Relation, ResourceSpec, Schema } from '../../src/schema/types.ts'

type Extra = { nullable?: boolean; optional?: boolean }

function modifiers(valueType: JsonType | undefined, extra: Extra = {}) {
  return {
    optional: extra.optional ?? false,
    nullable: extra.nullable ?? false,
    unique: false,
    default: undefined,
    valueType,
    typeDeclared: false,
  }
}

const leaf = (valueType: JsonType, extra?: Extra): FieldSpec => ({
  kind: 'faker',
  path: 'lorem.word',
  args: [],
  ...modifiers(valueType, extra),
})
const ref = (parent: string): FieldSpec => ({
  kind: 'ref',
  resource: parent,
  onDelete: 'cascade',
  ...modifiers('integer'),
})
const object = (entries: [string, FieldSpec][]): FieldSpec => ({
  kind: 'object',
  fields: new Map(entries),
  ...modifiers('object'),
})
const array = (of: FieldSpec): FieldSpec => ({
  kind: 'array',
  of,
  min: 0,
  max: 3,
  ...modifiers('array'),
})

function resource(name: string, fields?: [string, FieldSpec][]): ResourceSpec {
  return {
    name,
    singular: false,
    count: 0,
    id: 'integer',
    fields: fields && new Map(fields),
    idPosition: 0,
    idKey: 'id',
  }
}

const relation = (child: string, field: string, parent: string, expandAs: string): Relation => ({
  child,
  field,
  parent,
  onDelete: 'cascade',
  expandAs,
})

const RESOURCES: ResourceSpec[] = [
  resource('users', [
    ['name', leaf('string')],
    ['username', leaf('string')],
    ['email', leaf('string')],
    [
      'address',
      object([
        ['street', leaf('string')],
        ['city', leaf('string')],
        [
          'geo',
          object([
            ['lat', leaf('string')],
            ['lng', leaf('string')],
          ]),
        ],
      ]),
    ],
    ['company', object([['name', leaf('string')]])],
  ]),
  resource('posts', [
    ['userId', ref('users')],
    ['title', leaf('string')],
    ['body', leaf('string')],
    ['views', leaf('integer')],
    ['tags', array(leaf('string'))],
    ['subtitle', leaf('string', { nullable: true, optional: true })],
    ['is_like', leaf('boolean', { optional: true })],
  ]),
  resource('comments', [
    ['postId', ref('posts')],
    ['name', leaf('string')],
    ['email', leaf('string')],
    ['body', leaf('string')],
  ]),
  resource('todos', [
    ['userId', ref('users')],
    ['title', leaf('string')],
    ['completed', leaf('boolean')],
  ]),
  resource('notes'),
]

export const SCHEMA: Schema = {
  seed: 1,
  resources: new Map(RESOURCES.map((entry) => [entry.name, entry])),
  relations: [
    relation('posts', 'userId', 'users', 'user'),
    relation('comments', 'postId', 'posts', 'post'),
    relation('todos', 'userId', 'users', 'user'),
  ],
  origin: 'schema',
}

/** The same resources served as a plain json-server db (json-server 0.17 behaviour). */
export const DB_SCHEMA: Schema = { ...SCHEMA, origin: 'db' }

const user = (
  id: number,
  name: string,
  username: string,
  email: string,
  street: string,
  city: string,
) => ({
  id,
  name,
  username,
  email,
  address: { street, city, geo: { lat: `-${id}0.5`, lng: `${id}1.25` } },
  company: { name: id === 2 ? 'Deckow-Crist' : `Romaguera-${id === 1 ? 'Crona' : 'Jacobson'}` },
})
const post = (
  id: number,
  userId: number,
  title: string,
  body: string,
  views: number,
  tags: string[],
) => ({
  userId,
  id,
  title,
  body,
  views,
  tags,
})
const comment = (id: number, postId: number, name: string, email: string, body: string) => ({
  postId,
  id,
  name,
  email,
  body,
})
const todo = (id: number, userId: number, title: string, completed: boolean) => ({
  userId,
  id,
  title,
  completed,
})

/** A small JSONPlaceholder-like database (its first rows' texts, plus `views` and `tags`). */
export const DATA: Record<string, Row[]> = deepFreeze({
  users: [
    user(1, 'Leanne Graham', 'Bret', 'Sincere@april.biz', 'Kulas Light', 'Gwenborough'),
    user(2, 'Ervin Howell', 'Antonette', 'Shanna@melissa.tv', 'Victor Plains', 'Wisokyburgh'),
    user(
      3,
      'Clementine Bauch',
      'Samantha',
      'Nathan@yesenia.net',
      'Douglas Extension',
      'McKenziehaven',
    ),
  ],
  posts: [
    {
      ...post(1, 1, 'sunt aut facere repellat', 'quia et suscipit', 120, ['news', 'tech']),
      subtitle: 'First',
    },
    { ...post(2, 1, 'qui est esse', 'est rerum tempore vitae', 45, ['tech']), subtitle: null },
    post(3, 1, 'ea molestias quasi', 'et iusto sed quo iure', 300, []),
    {
      ...post(4, 2, 'eum et est occaecati', 'ullam et saepe reiciendis', 45, ['news']),
      is_like: true,
    },
    post(5, 2, 'nesciunt quas odio', 'repudiandae veniam quaerat sunt sed', 7, ['life']),
    post(6, 3, 'dolorem eum magni eos aperiam quia', 'ut aspernatur corporis harum', 120, [
      'news',
      'life',
    ]),
  ],
  comments: [
    comment(1, 1, 'id labore ex et quam laborum', 'Eliseo@gardner.biz', 'laudantium enim quasi'),
    comment(2, 1, 'quo vero reiciendis velit', 'Jayne_Kuhic@sydney.com', 'est natus enim nihil'),
    comment(
      3,
      1,
      'odio adipisci rerum aut animi',
      'Nikita@garfield.biz',
      'quia molestiae reprehenderit',
    ),
    comment(4, 2, 'et fugit eligendi deleniti', 'Lew@alysha.tv', 'doloribus at sed quis culpa'),
    comment(5, 2, 'repellat consequatur praesentium', 'Hayden@althea.biz', 'maiores sed dolores'),
    comment(6, 4, 'et omnis dolorem', 'Mallory_Kunze@marie.org', 'ut voluptatem corrupti'),
  ],
  todos: [
    todo(1, 1, 'delectus aut autem', false),
    todo(2, 1, 'quis ut nam facilis et officia qui', false),
    todo(3, 1, 'fugiat veniam minus', false),
    todo(4, 1, 'et porro tempora', true),
    todo(5, 2, 'suscipit repellat esse quibusdam', false),
    todo(6, 2, 'qui ullam ratione quibusdam voluptatem', true),
  ],
  notes: [
    { id: 1, text: 'Hello', priority: 2, meta: { tag: 'x' }, labels: ['a', 'b'] },
    { id: 2, text: 'world', priority: '10', done: true },
    { id: 3, text: 'null', priority: null, _id: 'n3' },
  ],
})

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

export type RecordingLookups = Lookups & { readonly calls: string[] }

/** Lookups over plain arrays; records its calls, and can refuse full scans. */
export function memoryLookups(
  data: Record<string, readonly Row[]> = DATA,
  options: { forbidScan?: boolean } = {},
): RecordingLookups {
  const calls: string[] = []
  const table = (name: string): readonly Row[] => data[name] ?? []
  return {
    calls,
    rows(name) {
      calls.push(`rows ${name}`)
      if (options.forbidScan === true) throw new Error(`full scan of ${name}`)
      return table(name)
    },
    byId(name, id) {
      calls.push(`byId ${name} ${id}`)
      return table(name).find((row) => String(row['id']) === id)
    },
    byRef(child, field, parentId) {
      calls.push(`byRef ${child} ${field} ${parentId}`)
      return table(child).filter((row) => {
        const value = row[field]
        return (
          (typeof value === 'number' || typeof value === 'string') && String(value) === parentId
        )
      })
    },
  }
}

export function spec(name: string, schema: Schema = SCHEMA): ResourceSpec {
  const found = schema.resources.get(name)
  if (found === undefined) throw new Error(`no resource ${name}`)
  return found
}

/** Parses and runs `GET /<name>?<query>`. */
export function list(
  name: string,
  query: string,
  options: { schema?: Schema; scope?: Scope['where']; lookups?: Lookups } = {},
): ListResult {
  const schema = options.schema ?? SCHEMA
  const parsed = parseListQuery(new URLSearchParams(query), spec(name, schema), schema)
  const scope: Scope =
    options.scope === undefined ? { resource: name } : { resource: name, where: options.scope }
  return runListQuery(parsed, scope, options.lookups ?? memoryLookups())
}

/** Parses and shapes `GET /<name>/<id>?<query>`. */
export function item(name: string, id: number, query: string, schema: Schema = SCHEMA): JsonObject {
  const row = (DATA[name] ?? []).find((candidate) => candidate['id'] === id)
  if (row === undefined) throw new Error(`no ${name}/${id}`)
  const resourceSpec = spec(name, schema)
  const parsed = parseItemQuery(new URLSearchParams(query), resourceSpec, schema)
  return shapeItem(row, parsed, resourceSpec, schema, memoryLookups())
}

/** The ids of a list body (an array of rows). */
export function ids(body: JsonValue): JsonValue[] {
  if (!Array.isArray(body)) throw new Error('not an array')
  return body.map((row) =>
    typeof row === 'object' && row !== null && !Array.isArray(row) ? (row['id'] ?? null) : null,
  )
}

/** The AppError a query throws, as the HTTP layer sees it. */
export function queryFailure(run: () => unknown): {
  code: string
  message: string
  details: unknown
} {
  try {
    run()
  } catch (error) {
    if (error instanceof Error && 'code' in error && 'details' in error) {
      return { code: String(error.code), message: error.message, details: error.details }
    }
    throw error
  }
  throw new Error('expected the query to be rejected')
}

import type { Prng } from './prng.ts'

/** One generated request; `forced` is the status it explicitly asks for (`?_status=503`). */
export type HostileRequest = {
  readonly method: string
  /** Path and query, as sent. */
  readonly target: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | Uint8Array | undefined
  readonly forced: number | undefined
}

/** What the generator may aim at: resources, their fields, and ids that exist. */
export type Surface = {
  readonly resources: readonly string[]
  readonly fields: readonly string[]
  readonly ids: readonly string[]
  /** Items as the server holds them, for bodies close enough to valid to be written. */
  readonly samples: readonly Record<string, unknown>[]
}

const METHODS = ['GET', 'GET', 'GET', 'POST', 'POST', 'PUT', 'PATCH', 'PATCH', 'DELETE', 'DELETE']
const ODD_METHODS = ['HEAD', 'OPTIONS', 'PROPFIND', 'MKCOL', 'PURGE', 'LINK', 'QUERY', 'FOO']
const LOWERCASE_METHODS = ['get', 'post', 'patch', 'delete', 'put', 'options']

const ODD_SEGMENTS = [
  '',
  '-1',
  '0',
  '1e309',
  '1.5',
  'NaN',
  'Infinity',
  '00001',
  '0x10',
  '%00',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '..%5c..%5cwindows',
  '%2F',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '_reset',
  '_',
  'db',
  'docs',
  'openapi.json',
  '%F0%9F%98%80',
  '😀',
  'ünïcödé',
  '%20',
  'a b',
  'null',
  'undefined',
  'true',
  'x'.repeat(5000),
]

const ODD_VALUES = [
  '',
  'abc',
  '-1',
  '0',
  '1',
  '2',
  '1.5',
  '1e309',
  '-1e309',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  'null',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  '(a+)+$',
  '(a|a)*b',
  '^(a+)+$',
  '.*',
  '[',
  '(',
  '\\',
  '*',
  '?',
  '%',
  '%zz',
  '%00',
  '%E0%A4%A',
  '😀',
  ',',
  ',,,',
  'a,b,,c',
  '-',
  '--1',
  'a'.repeat(10_000),
  '1'.repeat(400),
  '[object Object]',
  '{"a":1}',
]

const OPERATORS = ['', '_gt', '_gte', '_lt', '_lte', '_ne', '_like', ':gt', ':gte', ':lt', ':lte']
const OPERATORS_V1 = [':eq', ':ne', ':in', ':contains', ':startsWith', ':endsWith', ':foo', ':']
const CONTROL = [
  '_sort',
  '_order',
  '_page',
  '_limit',
  '_per_page',
  '_start',
  '_end',
  '_embed',
  '_expand',
  '_select',
  'q',
  '_',
  '_unknown',
]

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'application/json; charset=latin1',
  'application/json;;;',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'json',
  '*/*',
  ';',
  'a'.repeat(2000),
]

const BIG_BODY = JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) })
const DEEP_ARRAY = `${'['.repeat(10_000)}${']'.repeat(10_000)}`
const DEEP_OBJECT = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`
const VERY_DEEP = `{"title":${'['.repeat(400_000)}${']'.repeat(400_000)}}`
const MANY_KEYS = JSON.stringify(
  Object.fromEntries(Array.from({ length: 10_000 }, (_, n) => [`k${n}`, n])),
)

/** Hostile requests from a seeded generator: the same seed gives the same requests. */
export function hostileRequests(random: Prng, surface: Surface, count: number): HostileRequest[] {
  const requests: HostileRequest[] = []
  for (let n = 0; n < count; n++) requests.push(hostileRequest(random, surface))
  return requests
}

function hostileRequest(random: Prng, surface: Surface): HostileRequest {
  return random.chance(0.3) ? plainRequest(random, surface) : oddRequest(random, surface)
}

// A well-formed request, so that writes get through and later hostile ones meet changed data.
function plainRequest(random: Prng, surface: Surface): HostileRequest {
  const method = random.pick(['GET', 'POST', 'POST', 'PUT', 'PATCH', 'PATCH', 'DELETE'])
  const resource = random.pick(surface.resources)
  const item = method === 'POST' ? random.chance(0.1) : method !== 'GET' || random.chance(0.5)
  const target = item ? `/${resource}/${random.pick(surface.ids)}` : `/${resource}`
  const body =
    method === 'GET' || method === 'DELETE'
      ? undefined
      : JSON.stringify(nearlyValid(random, surface))
  const headers = body === undefined ? {} : { 'Content-Type': 'application/json' }
  return { method, target, headers, body, forced: undefined }
}

function oddRequest(random: Prng, surface: Surface): HostileRequest {
  const method = random.chance(0.8)
    ? random.pick(METHODS)
    : random.chance(0.6)
      ? random.pick(ODD_METHODS)
      : random.pick(LOWERCASE_METHODS)
  const headers: Record<string, string> = {}
  const query = queryString(random, surface)
  let forced: number | undefined
  let search = query
  const extra = random.next()
  if (extra < 0.03) {
    forced = random.pick([500, 502, 503])
    search = `?_status=${forced}`
  } else if (extra < 0.08) {
    search += `${search === '' ? '?' : '&'}_status=${random.pick(['200', '404', '99', 'abc', '600', '4O4', ''])}`
  } else if (extra < 0.11) {
    search += `${search === '' ? '?' : '&'}_delay=${random.pick(['0', '1', '-1', 'abc', '1e309', '30001', '99999999999'])}`
  }
  if (random.chance(0.5)) headers['Content-Type'] = random.pick(CONTENT_TYPES)
  if (random.chance(0.1)) {
    headers['If-Match'] = random.pick(['*', '"junk"', 'W/"x"', '', '"', 'a'.repeat(1000)])
  }
  if (random.chance(0.1)) {
    headers['If-None-Match'] = random.pick(['*', '"junk"', 'W/"x"', '""', ',,,'])
  }
  if (forced === undefined && random.chance(0.08)) {
    headers['Prefer'] = random.pick([
      'code=abc',
      'code=418',
      'code=',
      'code=99999',
      'return=minimal',
      'code="404"',
      ';;;',
      'code=200, code=201',
    ])
  }
  if (random.chance(0.1)) {
    headers['Accept'] = random.pick(['text/html', '*/*', 'application/json', 'image/png', ';q=x'])
  }
  if (random.chance(0.05)) headers['Origin'] = random.pick(['http://evil.example', 'null', ''])
  const hasBody = method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD'
  const body = hasBody && random.chance(0.85) ? bodyFor(random, surface) : undefined
  return { method, target: `${path(random, surface)}${search}`, headers, body, forced }
}

function path(random: Prng, surface: Surface): string {
  const roll = random.next()
  const depth = roll < 0.45 ? 1 : roll < 0.85 ? 2 : random.int(3, 6)
  const segments: string[] = []
  for (let n = 0; n < depth; n++) {
    const usual = random.next()
    if (n % 2 === 0) {
      segments.push(usual < 0.9 ? random.pick(surface.resources) : random.pick(ODD_SEGMENTS))
    } else {
      segments.push(usual < 0.8 ? random.pick(surface.ids) : random.pick(ODD_SEGMENTS))
    }
  }
  let text = `/${segments.join('/')}`
  if (random.chance(0.05)) text = text.replace('/', '//')
  if (random.chance(0.05)) text += '/'
  return text
}

function queryString(random: Prng, surface: Surface): string {
  const params: string[] = []
  const count = random.chance(0.4) ? 0 : random.int(1, 5)
  for (let n = 0; n < count; n++) {
    const roll = random.next()
    let key: string
    if (roll < 0.4) {
      key = `${random.pick(surface.fields)}${random.pick(OPERATORS)}`
    } else if (roll < 0.55) {
      key = `${random.pick(surface.fields)}${random.pick(OPERATORS_V1)}`
    } else if (roll < 0.9) {
      key = random.pick(CONTROL)
    } else {
      key = random.pick(ODD_VALUES)
    }
    const value = random.chance(0.4)
      ? random.pick([...surface.fields, ...surface.resources, ...surface.ids])
      : random.pick(ODD_VALUES)
    const sortish = key === '_sort' && random.chance(0.5) ? `-${value},__proto__` : value
    params.push(`${encodeKey(random, key)}=${encodeKey(random, sortish)}`)
    if (random.chance(0.1)) params.push(params.at(-1) ?? '')
  }
  return params.length === 0 ? '' : `?${params.join('&')}`
}

// Mostly encoded, sometimes raw (so invalid percent sequences reach the server as they are).
function encodeKey(random: Prng, text: string): string {
  return random.chance(0.7)
    ? encodeURIComponent(text)
    : text.replaceAll('&', '%26').replaceAll('#', '%23')
}

function bodyFor(random: Prng, surface: Surface): string | Uint8Array {
  const roll = random.next()
  if (roll < 0.3) return JSON.stringify(nearlyValid(random, surface))
  if (roll < 0.45) return JSON.stringify(plausibleObject(random, surface))
  if (roll < 0.55) return JSON.stringify(prototypeKeys(random))
  const odd = random.int(0, 27)
  switch (odd) {
    case 0:
      return ''
    case 1:
      return '   '
    case 2:
      return BIG_BODY
    case 3:
      return DEEP_ARRAY
    case 4:
      return DEEP_OBJECT
    case 5:
      return VERY_DEEP
    case 6:
      return MANY_KEYS
    case 7:
      return '[]'
    case 8:
      return '[{"title": "in an array"}]'
    case 9:
      return 'null'
    case 10:
      return '"a string"'
    case 11:
      return '12'
    case 12:
      return '{"id": 1e309, "title": "huge"}'
    case 13:
      return `{"userId": ${'9'.repeat(400)}, "views": -1e400}`
    case 14:
      return '{"title": "nul \\u0000 inside", "body": "\\ud800 lone surrogate"}'
    case 15:
      return Uint8Array.from([
        ...Buffer.from('{"title": "'),
        0xff,
        0xfe,
        0xc0,
        0xaf,
        0xed,
        0xa0,
        0x80,
        ...Buffer.from('"}'),
      ])
    case 16:
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"title": "after a BOM"}')])
    case 17:
      return '{"title": "a", "title": "duplicate keys"}'
    case 18:
      return '{"title": '
    case 19:
      return '{title: "unquoted"}'
    case 20:
      return 'title=form&body=encoded'
    case 21:
      return '<post><title>xml</title></post>'
    case 22:
      return `{"title": "${'\\u0000'.repeat(1000)}"}`
    case 23:
      return `{"id": ${random.pick(['-1', '0', '1.5', '"1"', '""', 'null', 'true', '{}', '[]', '"__proto__"', '"../../x"'])}, "title": "odd id"}`
    case 24:
      return JSON.stringify({ title: 'x'.repeat(100_000) })
    case 25:
      return '\u0000\u0001\u0002'
    case 26:
      return '{"a": 1}garbage'
    default:
      return '{"a": [1, 2, {"b": {"c": [null, true, false, -0, 1e-400]}}]}'
  }
}

const WEIRD_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53 + 1,
  '',
  'text',
  '😀',
  [],
  [1, 'a'],
  {},
  { nested: { deeper: [1] } },
  'x'.repeat(300),
]

function plausibleObject(random: Prng, surface: Surface): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  const keys = random.int(0, 6)
  for (let n = 0; n < keys; n++) {
    const key = random.chance(0.85)
      ? random.pick(surface.fields)
      : random.pick(ODD_VALUES).slice(0, 50)
    body[key] = random.chance(0.3)
      ? random.pick(surface.ids.map((id) => (/^\d+$/.test(id) ? Number(id) : id)))
      : random.pick(WEIRD_VALUES)
  }
  return body
}

// A stored item without its id, with a field or two changed to something odd.
function nearlyValid(random: Prng, surface: Surface): Record<string, unknown> {
  const { id: _, ...body } = random.pick(surface.samples)
  const changes = random.pick([0, 0, 1, 2])
  for (let n = 0; n < changes; n++) {
    body[random.pick(Object.keys(body).concat('extra'))] = random.pick(WEIRD_VALUES)
  }
  return body
}

function prototypeKeys(random: Prng): unknown {
  const key = random.pick(['__proto__', 'constructor', 'prototype'])
  // JSON text keeps "__proto__" as an own key, as an attacker's body would.
  return JSON.parse(
    random.pick([
      `{"${key}": {"polluted": true}}`,
      `{"title": "x", "${key}": {"prototype": {"polluted": true}}}`,
      `{"address": {"${key}": {"polluted": true}}}`,
      `{"a": [{"${key}": {"polluted": true}}]}`,
    ]),
  )
}

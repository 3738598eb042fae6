import type { JsonValue } from '../json.ts'

/** A faker call for a native field: its method, arguments, and the JSON type it gives. */
export type Hint = {
  readonly faker: string
  readonly args?: readonly JsonValue[]
  readonly type: 'string' | 'number' | 'integer' | 'boolean'
}

const s = (faker: string): Hint => ({ faker, type: 'string' })

/** `format` values faker can produce, string formats only. */
export const FORMAT_HINTS: Readonly<Record<string, Hint>> = {
  email: s('internet.email'),
  'idn-email': s('internet.email'),
  uri: s('internet.url'),
  url: s('internet.url'),
  'uri-reference': s('internet.url'),
  iri: s('internet.url'),
  uuid: s('string.uuid'),
  'date-time': s('date.past'),
  date: { faker: 'helpers.fromRegExp', args: ['20[0-2][0-9]-0[1-9]-[0-2][1-8]'], type: 'string' },
  time: { faker: 'helpers.fromRegExp', args: ['[01][0-9]:[0-5][0-9]:[0-5][0-9]Z'], type: 'string' },
  ipv4: s('internet.ipv4'),
  ipv6: s('internet.ipv6'),
  hostname: s('internet.domainName'),
  'idn-hostname': s('internet.domainName'),
  password: s('internet.password'),
  'iso-country-code': s('location.countryCode'),
  'country-code': s('location.countryCode'),
  'currency-code': s('finance.currencyCode'),
  'phone-number': s('phone.number'),
}

// Property names (lower case, without `_` and `-`) and the faker method that fits them.
const NAME_HINTS: ReadonlyMap<string, Hint> = new Map([
  ['email', s('internet.email')],
  ['emailaddress', s('internet.email')],
  ['firstname', s('person.firstName')],
  ['givenname', s('person.firstName')],
  ['lastname', s('person.lastName')],
  ['familyname', s('person.lastName')],
  ['surname', s('person.lastName')],
  ['fullname', s('person.fullName')],
  ['passengername', s('person.fullName')],
  ['name', s('person.firstName')],
  ['username', s('internet.username')],
  ['login', s('internet.username')],
  ['password', s('internet.password')],
  ['phone', s('phone.number')],
  ['phonenumber', s('phone.number')],
  ['mobile', s('phone.number')],
  ['city', s('location.city')],
  ['country', s('location.country')],
  ['countrycode', s('location.countryCode')],
  ['state', s('location.state')],
  ['street', s('location.street')],
  ['address', s('location.streetAddress')],
  ['zip', s('location.zipCode')],
  ['zipcode', s('location.zipCode')],
  ['postcode', s('location.zipCode')],
  ['postalcode', s('location.zipCode')],
  ['timezone', s('location.timeZone')],
  ['company', s('company.name')],
  ['companyname', s('company.name')],
  ['title', s('lorem.sentence')],
  ['summary', s('lorem.sentence')],
  ['description', s('lorem.paragraph')],
  ['body', s('lorem.paragraph')],
  ['content', s('lorem.paragraph')],
  ['text', s('lorem.paragraph')],
  ['comment', s('lorem.sentence')],
  ['url', s('internet.url')],
  ['website', s('internet.url')],
  ['homepage', s('internet.url')],
  ['avatar', s('image.avatar')],
  ['avatarurl', s('image.avatar')],
  ['image', s('image.url')],
  ['imageurl', s('image.url')],
  ['photourl', s('image.url')],
  ['photourls', s('image.url')],
  ['color', s('color.human')],
  ['currency', s('finance.currencyCode')],
  ['iban', s('finance.iban')],
  ['slug', s('lorem.slug')],
  ['tag', s('lorem.word')],
  ['tags', s('lorem.word')],
  ['createdat', s('date.past')],
  ['updatedat', s('date.recent')],
  ['price', { faker: 'commerce.price', type: 'number' }],
  ['amount', { faker: 'commerce.price', type: 'number' }],
  ['latitude', { faker: 'location.latitude', type: 'number' }],
  ['lat', { faker: 'location.latitude', type: 'number' }],
  ['longitude', { faker: 'location.longitude', type: 'number' }],
  ['lng', { faker: 'location.longitude', type: 'number' }],
  ['age', { faker: 'number.int', args: [{ min: 18, max: 90 }], type: 'integer' }],
  ['quantity', { faker: 'number.int', args: [{ min: 1, max: 20 }], type: 'integer' }],
])

/** A faker method chosen from a property's name, when it fits the property's type. */
export function nameHint(name: string, type: string | undefined): Hint | undefined {
  const key = name.toLowerCase().replaceAll(/[_-]/g, '')
  const hint =
    NAME_HINTS.get(key) ??
    (/(?:at|date|time)$/.test(key) && key.length > 4 ? s('date.past') : undefined) ??
    (key.endsWith('email') ? s('internet.email') : undefined) ??
    (key.endsWith('url') ? s('internet.url') : undefined)
  if (hint === undefined) return undefined
  if (hint.type === type || (hint.type === 'integer' && type === 'number')) return hint
  return undefined
}

/**
 * A `pattern` as faker's `helpers.fromRegExp` reads it: anchors dropped, `\d` and `\w` as classes,
 * open repetitions bounded. `undefined` for what it cannot generate (groups, alternation, `.`).
 */
export function patternForFaker(pattern: string): string | undefined {
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '')
  if (/[()|.]/.test(body.replaceAll(/\\./g, ''))) return undefined
  const translated = body
    .replaceAll('\\d', '[0-9]')
    .replaceAll('\\w', '[a-zA-Z0-9_]')
    .replaceAll(/(?<!\\)\+/g, '{1,8}')
    .replaceAll(/(?<!\\)\*/g, '{0,8}')
    .replaceAll(/(?<![\\}])\?/g, '{0,1}')
  if (/\\[^[\]{}\-\\]/.test(translated)) return undefined
  try {
    return new RegExp(translated).source === translated ? translated : undefined
  } catch {
    return undefined
  }
}

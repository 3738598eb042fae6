import type { JsonObject } from '../json.ts'
import { matchesFormat } from '../validate/format-check.ts'
import { fakerForName } from './faker-for-name.ts'

/** A field as a schema file writes it: a faker path or a field spec. */
export type FieldJson = string | JsonObject

const IMAGE_NAME = /image|photo|picture|avatar|thumbnail|logo|icon/i
const IMAGE_PATH = /\.(?:png|jpe?g|gif|webp|svg)(?:$|\?)/i
const HEX_COLOR = /^#[0-9a-f]{6}$/i
const PHONE = /^[+(]?\d[\d\s().x-]{5,}$/
const DIGITS = /^\d+$/
const PERSON_NAME = /^(?:[A-Z][\p{L}'.-]*)(?: [A-Z][\p{L}'.-]*)+$/u

/**
 * The faker method (with args) for string values, from their shape first where it is unmistakable
 * (emails, URLs, UUIDs, ISO dates), then from the field's name, then from the shape of the text.
 */
export function stringField(
  name: string,
  parent: string | undefined,
  values: readonly string[],
): FieldJson {
  const all = (test: (value: string) => boolean): boolean => values.every(test)
  if (all((value) => matchesFormat('email', value))) return 'internet.email'
  if (all((value) => matchesFormat('uuid', value))) return 'string.uuid'
  if (all((value) => matchesFormat('date-time', value))) return 'date.anytime'
  if (all((value) => matchesFormat('date', value))) return { faker: 'date.anytime', format: 'date' }
  if (all((value) => matchesFormat('time', value))) return { faker: 'date.anytime', format: 'time' }
  if (all((value) => /^https?:\/\/\S+$/.test(value))) {
    const template = urlTemplate(values)
    if (template !== undefined) return template
    return IMAGE_NAME.test(name) || all((value) => IMAGE_PATH.test(value))
      ? 'image.url'
      : 'internet.url'
  }
  if (all((value) => matchesFormat('ipv4', value))) return 'internet.ipv4'
  if (all((value) => matchesFormat('ipv6', value))) return 'internet.ipv6'
  if (all((value) => HEX_COLOR.test(value))) return 'color.rgb'
  const named = fakerForName(name, parent)
  if (named !== undefined && fitsName(named, values)) return named
  if (all((value) => isDomain(value))) return 'internet.domainName'
  if (all((value) => DIGITS.test(value)))
    return { faker: 'string.numeric', args: [{ length: range(values.map((v) => v.length)) }] }
  if (all((value) => PHONE.test(value) && digitCount(value) >= 7)) return 'phone.number'
  return textField(values)
}

// A name says less than the values: `name` in JSONPlaceholder's comments holds lorem words.
function fitsName(method: string, values: readonly string[]): boolean {
  if (method === 'person.fullName') return values.every((value) => PERSON_NAME.test(value))
  if (method === 'phone.number') return values.every((value) => digitCount(value) >= 5)
  if (method === 'internet.domainName') return values.every(isDomain)
  return true
}

function isDomain(value: string): boolean {
  return matchesFormat('hostname', value) && /\.[a-z]{2,}$/i.test(value)
}

function digitCount(value: string): number {
  return value.replaceAll(/\D/g, '').length
}

/** `{ min, max }`, or the count itself when they are the same. */
function range(counts: readonly number[]): JsonObject | number {
  const [min, max] = [Math.min(...counts), Math.max(...counts)]
  return min === max ? min : { min, max }
}

const TAILS: readonly (readonly [RegExp, (tails: readonly string[]) => string])[] = [
  [/^[0-9a-f]{6}$/, () => '{{color.rgb({"prefix":"","casing":"lower"})}}'],
  [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, () => '{{string.uuid}}'],
  [
    /^\d{1,15}$/,
    (tails) => {
      const numbers = tails.map(Number)
      return `{{number.int(${JSON.stringify({ min: Math.min(...numbers), max: Math.max(...numbers) })})}}`
    },
  ],
]

/**
 * URLs that differ only after a shared path, in a recognisable way, as a template:
 * `https://via.placeholder.com/600/{{color.rgb(...)}}` for JSONPlaceholder's photos.
 */
function urlTemplate(values: readonly string[]): string | undefined {
  const first = values[0] ?? ''
  let shared = first.length
  for (const value of values) {
    let index = 0
    while (index < shared && value[index] === first[index]) index++
    shared = index
  }
  const base = first.slice(0, first.lastIndexOf('/', shared - 1) + 1)
  if (values.length < 2 || !/^https?:\/\/[^/]+\/./.test(base)) return undefined
  const tails = values.map((value) => value.slice(base.length))
  const match = TAILS.find(([shape]) => tails.every((tail) => shape.test(tail)))
  // Braces in the shared part would read as placeholders.
  return match === undefined || base.includes('{{') ? undefined : base + match[1](tails)
}

function words(value: string): number {
  return value.split(/\s+/).filter((word) => word !== '').length
}

/** Lorem text of the same build: lines, sentences or words, in the sample's counts. */
function textField(values: readonly string[]): FieldJson {
  if (values.some((value) => value.includes('\n'))) {
    return { faker: 'lorem.lines', args: [range(values.map((value) => value.split('\n').length))] }
  }
  if (values.every((value) => words(value) <= 1)) return 'lorem.word'
  const sentences = values.map(
    (value) => value.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length,
  )
  if (values.every((value) => /[.!?]$/.test(value))) {
    return Math.max(...sentences) === 1
      ? 'lorem.sentence'
      : { faker: 'lorem.sentences', args: [range(sentences)] }
  }
  return { faker: 'lorem.words', args: [range(values.map(words))] }
}

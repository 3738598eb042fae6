import type { Format } from '../schema/types.ts'

// Every expression here is anchored and has no nested or overlapping repetition, so none can
// backtrack for long on a large body.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
const OCTET = /^(?:0|[1-9]\d{0,2})$/
const IPV6_CHARS = /^[0-9A-Fa-f:.]+$/
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const INT64 = 2 ** 63

/** What a value of each format is, for "must be X". */
export const FORMAT_NAMES: Readonly<Record<Format, string>> = {
  'date-time': 'an RFC 3339 date-time (2025-01-31T09:30:00Z)',
  date: 'an RFC 3339 date (2025-01-31)',
  time: 'an RFC 3339 time with an offset (09:30:00Z)',
  email: 'an email address',
  hostname: 'a host name',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  uri: 'an absolute URI',
  uuid: 'a UUID',
  byte: 'base64 text',
  password: 'a password',
  int32: 'a 32-bit integer',
  int64: 'a 64-bit integer',
  float: 'a number',
  double: 'a number',
}

/** Whether a value of the format's JSON type is of the format too (password, float, double: any). */
export function matchesFormat(format: Format, value: string | number): boolean {
  if (typeof value === 'number') {
    if (format === 'int32') return Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31
    if (format === 'int64') return Number.isInteger(value) && value >= -INT64 && value < INT64
    return true
  }
  switch (format) {
    case 'date-time':
      return isDateTime(value)
    case 'date':
      return isDate(value)
    case 'time':
      return isTime(value)
    case 'email':
      return isEmail(value)
    case 'hostname':
      return isHostname(value)
    case 'ipv4':
      return isIpv4(value)
    case 'ipv6':
      return isIpv6(value)
    case 'uri':
      return URI.test(value)
    case 'uuid':
      return UUID.test(value)
    case 'byte':
      return BASE64.test(value)
    default:
      return true
  }
}

function isDate(text: string): boolean {
  const match = DATE.exec(text)
  if (match === null) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1) return false
  // Day 0 of the next month is the last day of this one (29 February in leap years).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isTime(text: string): boolean {
  const match = TIME.exec(text)
  if (match === null) return false
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const offsetOk = match[4] === undefined || (Number(match[4]) < 24 && Number(match[5]) < 60)
  // Second 60 is a leap second.
  return hour < 24 && minute < 60 && second <= 60 && offsetOk
}

function isDateTime(text: string): boolean {
  const separator = text.search(/[Tt]/)
  return separator === 10 && isDate(text.slice(0, 10)) && isTime(text.slice(11))
}

function isEmail(text: string): boolean {
  const at = text.indexOf('@')
  if (at < 1 || at !== text.lastIndexOf('@') || /\s/.test(text)) return false
  return isHostname(text.slice(at + 1)) && text.slice(at + 1).includes('.')
}

function isHostname(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false
  return text.split('.').every((label) => LABEL.test(label))
}

function isIpv4(text: string): boolean {
  const parts = text.split('.')
  return parts.length === 4 && parts.every((part) => OCTET.test(part) && Number(part) <= 255)
}

function isIpv6(text: string): boolean {
  if (!text.includes(':') || !IPV6_CHARS.test(text)) return false
  // The URL parser knows every IPv6 form (::, embedded IPv4); the characters above keep the text
  // inside the brackets.
  return URL.canParse(`http://[${text}]/`)
}

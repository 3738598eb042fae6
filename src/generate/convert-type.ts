import type { JsonValue } from '../json.ts'
import { isJsonObject } from '../json.ts'
import type { JsonType } from '../schema/types.ts'

// `+ 0` turns -0 into 0: both serialise as `0`, but only one of them equals 0 everywhere.
function toNumber(value: JsonValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : undefined
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value)
    return Number.isFinite(number) ? number + 0 : undefined
  }
  return undefined
}

function toBoolean(value: JsonValue): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value !== 'string') return undefined
  const text = value.trim().toLowerCase()
  if (text === 'true' || text === '1') return true
  if (text === 'false' || text === '0' || text === '') return false
  return undefined
}

/**
 * A generated value converted to a field's declared JSON type: `42` -> `"42"`, `"3.5"` -> `3.5`,
 * `2.6` -> `3` for integers. `undefined` when the value has no sensible conversion.
 */
export function convertType(value: JsonValue, type: JsonType): JsonValue | undefined {
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value
      if (value === null) return undefined
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
    case 'number':
      return toNumber(value)
    case 'integer': {
      const number = toNumber(value)
      return number === undefined ? undefined : Math.round(number) + 0
    }
    case 'boolean':
      return toBoolean(value)
    case 'null':
      return null
    case 'object':
      return isJsonObject(value) ? value : undefined
    case 'array':
      return Array.isArray(value) ? value : undefined
  }
}

import type { JsonObject } from '../json.ts'
import { FORMAT_TYPES } from '../schema/types.ts'
import { patternForFaker } from './faker-hints.ts'
import type { SchemaView } from './schema-view.ts'

const COUNTS = ['minLength', 'maxLength'] as const
const ITEM_COUNTS = ['minItems', 'maxItems'] as const

/**
 * The document's constraint keywords in fauxrest's schema format, which keeps generated values
 * within them. 3.0's boolean `exclusiveMinimum` becomes 2020-12's bound; a `pattern` faker cannot
 * follow and a `format` fauxrest does not know are left out (the document still validates writes).
 */
export function constraintsOf(view: SchemaView): JsonObject {
  const node = view.node
  const out: JsonObject = {}
  const number = (key: string): number | undefined => {
    const value = node[key]
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined
  }
  const format = typeof node['format'] === 'string' ? node['format'] : undefined
  const formatType =
    format !== undefined && Object.hasOwn(FORMAT_TYPES, format)
      ? FORMAT_TYPES[format as keyof typeof FORMAT_TYPES]
      : undefined
  if (view.type === 'string') {
    for (const key of COUNTS) {
      const value = number(key)
      if (value !== undefined && Number.isInteger(value) && value >= 0) out[key] = value
    }
    const pattern = node['pattern']
    if (typeof pattern === 'string' && patternForFaker(pattern) !== undefined)
      out['pattern'] = pattern
    if (formatType === 'string' && format !== undefined) out['format'] = format
  }
  if (view.type === 'integer' || view.type === 'number') {
    for (const side of ['Minimum', 'Maximum'] as const) {
      const inclusive = number(side.toLowerCase())
      const exclusive = node[`exclusive${side}`]
      if (exclusive === true && inclusive !== undefined) out[`exclusive${side}`] = inclusive
      else if (inclusive !== undefined) out[side.toLowerCase()] = inclusive
      if (typeof exclusive === 'number' && Number.isFinite(exclusive))
        out[`exclusive${side}`] = exclusive
    }
    const multipleOf = number('multipleOf')
    if (multipleOf !== undefined && multipleOf > 0) out['multipleOf'] = multipleOf
    if (format !== undefined && formatType === view.type) out['format'] = format
  }
  if (view.type === 'array') {
    for (const key of ITEM_COUNTS) {
      const value = number(key)
      if (value !== undefined && Number.isInteger(value) && value >= 0) out[key] = value
    }
    if (node['uniqueItems'] === true) out['uniqueItems'] = true
  }
  return out
}

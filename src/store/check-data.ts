import { UserError } from '../errors.ts'
import type { Issue } from '../errors.ts'
import { hasOwn, isId, isJsonObject } from '../json.ts'
import type { Data, JsonObject } from '../json.ts'
import type { Schema } from '../schema/types.ts'

const LISTED_ISSUES = 20

/**
 * Checks that what a database file holds fits the schema: plural resources are arrays of objects
 * with distinct ids, singular ones are objects. Members the schema does not name are kept as they are.
 */
export function checkData(value: unknown, schema: Schema, file: string): Data {
  if (!isJsonObject(value)) {
    const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value
    throw new UserError(
      `${file}: a database must be a JSON object of resources, like {"posts": []}; found ${found}`,
    )
  }
  const issues: Issue[] = []
  for (const [name, spec] of schema.resources) {
    if (!hasOwn(value, name)) continue
    if (spec.singular) {
      if (!isJsonObject(value[name])) issues.push({ path: name, message: 'must be an object' })
    } else {
      issues.push(...rowIssues(name, value))
    }
  }
  const [first] = issues
  if (first !== undefined) {
    const shown = issues.slice(0, LISTED_ISSUES)
    const listed = issues.length > shown.length ? `, the first ${shown.length} listed` : ''
    const summary =
      issues.length === 1
        ? `: ${first.path} ${first.message}`
        : ` (${issues.length} problems${listed})`
    throw new UserError(`${file}: invalid database${summary}`, shown)
  }
  // Checked above for every resource the store indexes; the rest is written back as it came.
  return value as Data
}

function rowIssues(name: string, data: JsonObject): Issue[] {
  const rows = data[name]
  if (!Array.isArray(rows)) return [{ path: name, message: 'must be an array of items' }]
  const issues: Issue[] = []
  const seen = new Map<string, number>()
  rows.forEach((row, position) => {
    const path = `${name}[${position}]`
    if (!isJsonObject(row)) return void issues.push({ path, message: 'must be an object' })
    const id = row['id']
    if (!isId(id)) {
      const message =
        id === undefined ? 'has no id' : 'has an id that is neither a number nor a string'
      return void issues.push({ path, message })
    }
    const key = String(id)
    const first = seen.get(key)
    if (first === undefined) seen.set(key, position)
    else issues.push({ path, message: `has the id ${JSON.stringify(id)} of ${name}[${first}]` })
  })
  return issues
}

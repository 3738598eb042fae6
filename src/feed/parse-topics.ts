import type { Issue } from '../errors.ts'
import { queryError, quote } from '../query/query-error.ts'
import type { Schema } from '../schema/types.ts'
import { closest } from '../schema/suggest.ts'
import type { Topic } from './topics.ts'

const KNOWN = new Set(['resource', 'id', 'path'])

/**
 * The topics of `GET /_events?resource=posts&id=7&path=/users/1/posts`. Every `resource` is one
 * topic (narrowed to the `id`s when there are any); every `path` another, as the route of that path
 * lists: `/posts`, `/posts/7`, `/users/1/posts`, `/users/1/posts/3`, `/profile`. No topic: every
 * change. Unknown parameters are a 400, as in lists; `_`-prefixed ones (cache busters) are ignored.
 */
export function parseTopics(params: URLSearchParams, schema: Schema): Topic[] {
  const issues: Issue[] = []
  for (const key of new Set(params.keys())) {
    if (KNOWN.has(key) || key.startsWith('_')) continue
    issues.push({ path: key, message: 'unknown parameter (use resource, id or path)' })
  }
  const ids = params.getAll('id')
  const resources = params.getAll('resource')
  if (ids.length > 0 && resources.length === 0) {
    issues.push({ path: 'id', message: 'needs a resource (?resource=posts&id=7)' })
  }
  const topics: Topic[] = []
  for (const name of resources) {
    const problem = resourceProblem(name, schema)
    if (problem !== undefined) issues.push({ path: 'resource', message: problem })
    else topics.push(ids.length > 0 ? { resource: name, ids: new Set(ids) } : { resource: name })
  }
  for (const path of params.getAll('path')) {
    const topic = pathTopic(path, schema)
    if (typeof topic === 'string') issues.push({ path: 'path', message: topic })
    else topics.push(topic)
  }
  if (issues.length > 0) throw queryError(issues)
  return topics
}

function resourceProblem(name: string, schema: Schema): string | undefined {
  if (schema.resources.has(name)) return undefined
  const guess = closest(name, schema.resources.keys())
  const hint = guess === undefined ? '' : ` (did you mean ${quote(guess)}?)`
  return `unknown resource ${quote(name)}${hint}`
}

// A path walked along the schema's relations, as the resource routes resolve it; a problem as text.
function pathTopic(path: string, schema: Schema): Topic | string {
  const segments = path.split('/').slice(1)
  if (segments.at(-1) === '') segments.pop()
  const [first] = segments
  if (!path.startsWith('/') || first === undefined || segments.includes('')) {
    return `${quote(path)} is not a path such as /posts, /posts/7 or /users/1/posts`
  }
  const problem = resourceProblem(first, schema)
  if (problem !== undefined) return problem
  let resource = first
  let parent: Topic['parent']
  for (let index = 1; ; index += 2) {
    if (index === segments.length) return parent === undefined ? { resource } : { resource, parent }
    const id = segments[index] ?? ''
    const spec = schema.resources.get(resource)
    if (spec?.singular === true) return `${quote(path)}: ${resource} is a singular resource`
    const childName = segments[index + 1]
    if (childName === undefined) {
      const ids = new Set([id])
      return parent === undefined ? { resource, ids } : { resource, ids, parent }
    }
    const relation = schema.relations.find((r) => r.parent === resource && r.child === childName)
    if (relation === undefined) {
      return `${quote(path)}: ${resource} have no nested ${quote(childName)} (no ref leads there)`
    }
    parent = { field: relation.field, id }
    resource = childName
  }
}

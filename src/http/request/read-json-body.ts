import type { Context } from 'hono'
import { AppError, type Issue } from '../../errors.ts'
import { findJsonError, lineColumn } from '../../json-text.ts'
import { FORBIDDEN_KEYS, isJsonObject, type JsonObject, type JsonValue } from '../../json.ts'
import { childPath, indexPath } from '../../schema/path.ts'
import { cappedIssues } from '../../validate/capped-issues.ts'
import { INVALID_BODY } from '../../validate/validate-write.ts'
import { FormConflict, parseFormEntries, type FormFields } from './form-body.ts'
import { readBodyText } from './read-body.ts'
import { requestHeader } from './request-header.ts'

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i
const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded'
const MULTIPART_MEDIA_TYPE = 'multipart/form-data'

/**
 * Reads a write's body: JSON, or an HTML form (`application/x-www-form-urlencoded` or
 * `multipart/form-data`, its values typed by `form`); any other media type is a 415 naming it.
 * JSON must be well-formed (400) and an object (422); either must be free of keys that could
 * reach Object.prototype, of numbers out of range, and not nested too deeply (422). An empty body
 * reads as `{}`.
 */
export async function readJsonBody(
  c: Context,
  form: FormFields = () => undefined,
): Promise<JsonObject> {
  // Too large was said before a wrong media type, by the pipeline's body stage
  const raw = await readBodyText(c)
  const contentType = requestHeader(c, 'content-type')
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  const isForm = mediaType === FORM_MEDIA_TYPE
  const isMultipart = mediaType === MULTIPART_MEDIA_TYPE
  if (mediaType !== '' && !isForm && !isMultipart && !JSON_MEDIA_TYPE.test(mediaType)) {
    throw new AppError('unsupported_media_type', `The ${mediaType} mediatype is not supported.`)
  }
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  if (text.trim() === '') return {}
  let value: unknown
  try {
    if (isMultipart) value = parseFormEntries(await multipartFields(text, contentType ?? ''), form)
    else if (isForm) value = parseFormEntries(new URLSearchParams(text), form)
    else value = JSON.parse(text)
  } catch (error) {
    if (error instanceof FormConflict) {
      throw new AppError('invalid_body', INVALID_BODY, {
        details: [{ path: error.key, message: 'is given both as a value and as an object' }],
      })
    }
    if (error instanceof AppError) throw error
    throw isMultipart ? malformedMultipart() : malformed(text)
  }
  if (!isJsonObject(value)) {
    throw new AppError('invalid_body', INVALID_BODY, {
      details: [{ path: '', message: `must be a JSON object, not ${describe(value)}` }],
    })
  }
  const issues = bodyIssues(value)
  if (issues.length > 0) {
    throw new AppError('invalid_body', INVALID_BODY, {
      details: cappedIssues(issues),
    })
  }
  return value
}

/**
 * The text fields of a multipart body. An empty file input (no file chosen: no name, no bytes) is
 * left out, as browsers leave out an unticked checkbox; a file is a 422, since items hold JSON.
 */
async function multipartFields(text: string, contentType: string): Promise<[string, string][]> {
  const data = await new Response(text, { headers: { 'Content-Type': contentType } }).formData()
  const fields: [string, string][] = []
  const files: Issue[] = []
  for (const [key, value] of data) {
    if (typeof value === 'string') fields.push([key, value])
    else if (value.name !== '' || value.size > 0) {
      const message = 'is a file: items hold JSON values, so send its name or URL as text'
      files.push({ path: key, message })
    }
  }
  if (files.length > 0) {
    throw new AppError('invalid_body', INVALID_BODY, { details: cappedIssues(files) })
  }
  return fields
}

function malformedMultipart(): AppError {
  return new AppError(
    'bad_request',
    'This request was not properly formatted. Please send again.',
    {
      details: [{ path: '', message: 'malformed multipart/form-data body (check its boundary)' }],
    },
  )
}

/** A 400 saying where and why, found by scanning (the engine's wording differs between versions). */
export function malformed(text: string): AppError {
  const found = findJsonError(text) ?? { offset: text.length, reason: 'not valid JSON' }
  const { line, column } = lineColumn(text, found.offset)
  return new AppError(
    'bad_request',
    'This request was not properly formatted. Please send again.',
    {
      details: [
        { path: '', message: `malformed JSON at line ${line}, column ${column}: ${found.reason}` },
      ],
    },
  )
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`
}

// Deeper bodies could not be serialised back (the stack runs out), so they are refused up front.
export const MAX_BODY_DEPTH = 64

/** Keys that could reach Object.prototype, numbers JSON cannot hold (1e999), too much nesting. */
function bodyIssues(value: JsonValue): Issue[] {
  const issues: Issue[] = []
  const visit = (node: JsonValue, at: string, depth: number): void => {
    if (typeof node === 'number' && !Number.isFinite(node)) {
      issues.push({ path: at, message: 'must be a finite number' })
    }
    if (node === null || typeof node !== 'object') return
    if (depth === MAX_BODY_DEPTH) {
      issues.push({ path: at, message: `is nested too deeply (at most ${MAX_BODY_DEPTH} levels)` })
      return
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, indexPath(at, index), depth + 1))
      return
    }
    for (const [key, child] of Object.entries(node)) {
      if (FORBIDDEN_KEYS.has(key))
        issues.push({ path: childPath(at, key), message: 'is a reserved key' })
      else visit(child, childPath(at, key), depth + 1)
    }
  }
  visit(value, '', 0)
  return issues
}

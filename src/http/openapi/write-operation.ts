import { isJsonObject, storedId, type JsonObject, type JsonValue, type Row } from '../../json.ts'
import { notFound } from '../routing/not-found.ts'
import { itemOf, type OperationCall } from './operation-call.ts'
import { present } from './present.ts'
import { requestBody } from './request-body.ts'
import { sendOperation } from './send-operation.ts'

/** A create: the body under the path's parents, answered with its Location. */
export async function answerCreate(call: OperationCall): Promise<Response> {
  const { c, op, deps, resource } = call
  const { store, options } = deps
  const body = await objectBody(call)
  for (const [field, id] of call.parentIds) body[field] = id
  const row = options.fakeWrites
    ? { ...body, id: body['id'] ?? store.peekNextId(resource) }
    : await store.insert(resource, body)
  const location = `${call.self}/${encodeURIComponent(String(row[op.key] ?? row['id']))}`
  return sendOperation(c, op, present(row, op.success.schema, { self: location }), {
    Location: location,
  })
}

/** A replace or a patch of the path's item, or a replace of the item the body names. */
export async function answerUpdate(call: OperationCall): Promise<Response> {
  const { op, deps, resource } = call
  const { store, options } = deps
  const body = await objectBody(call)
  const key = op.action === 'replace-by-body' ? String(body[op.key] ?? '') : call.last
  const current = itemOf(call, key)
  const id = storedId(current, 'id')
  for (const [field, parentId] of call.parentIds) body[field] = parentId
  const saved = options.fakeWrites
    ? { ...(op.action === 'patch' ? current : {}), ...body, id }
    : op.action === 'patch'
      ? await store.patch(resource, id, body)
      : await store.replace(resource, id, { ...body, id })
  return sendSaved(call, saved)
}

/** A patch whose changes are the query's declared parameters (`?name=…&status=…`). */
export async function answerPatchByQuery(call: OperationCall): Promise<Response> {
  const { op, deps, url } = call
  const current = itemOf(call, call.last)
  const changes: JsonObject = {}
  for (const name of op.query) {
    const value = url.searchParams.get(name)
    if (value !== null) changes[name] = typedLike(current[name], value)
  }
  const saved = deps.options.fakeWrites
    ? { ...current, ...changes }
    : await deps.store.patch(call.resource, storedId(current, 'id'), changes)
  return sendSaved(call, saved)
}

/** A delete, answered with the item it removed. */
export async function answerDelete(call: OperationCall): Promise<Response> {
  const { c, op, deps } = call
  const current = itemOf(call, call.last)
  if (!deps.options.fakeWrites) await deps.store.remove(call.resource, storedId(current, 'id'))
  return sendOperation(c, op, present(current, op.success.schema, { self: call.self }))
}

function sendSaved(call: OperationCall, saved: Row | undefined): Response {
  if (saved === undefined) throw notFound(call.url.pathname)
  return sendOperation(call.c, call.op, present(saved, call.op.success.schema, { self: call.self }))
}

async function objectBody(call: OperationCall): Promise<JsonObject> {
  const value = await requestBody(call.c, call.op, call.deps.checkBody)
  return isJsonObject(value) ? { ...(value as JsonObject) } : {}
}

// A query value takes the type the field holds (`?petId=3` stays a number where ids are numbers).
function typedLike(current: JsonValue | undefined, text: string): JsonValue {
  if (typeof current === 'number' && Number.isFinite(Number(text))) return Number(text)
  if (typeof current === 'boolean' && (text === 'true' || text === 'false')) return text === 'true'
  return text
}

import { sampleValue } from '../../openapi-import/sample-value.ts'
import { itemOf, type OperationCall } from './operation-call.ts'
import { present } from './present.ts'
import { requestBody } from './request-body.ts'
import { sendOperation } from './send-operation.ts'

/** The path's item. */
export function answerRead(call: OperationCall): Response {
  const { c, op } = call
  return sendOperation(
    c,
    op,
    present(itemOf(call, call.last), op.success.schema, { self: call.self }),
  )
}

/** How many items hold each value of the operation's key. */
export function answerCount(call: OperationCall): Response {
  // Every declared value, then whatever else the items hold, in the order they come.
  const counts: Record<string, number> = {}
  for (const value of call.op.counted ?? []) counts[value] = 0
  for (const row of call.deps.store.list(call.resource)) {
    const value = row[call.op.key]
    if (typeof value === 'string' || typeof value === 'number') {
      counts[String(value)] = (counts[String(value)] ?? 0) + 1
    }
  }
  return sendOperation(call.c, call.op, counts)
}

/** An operation on no resource: its generated answer, else a sample of its success schema. */
export async function answerSample(call: OperationCall): Promise<Response> {
  const { c, op, deps } = call
  await requestBody(c, op, deps.checkBody)
  const generated =
    deps.answers === undefined ? undefined : deps.store.single(deps.answers)[op.operationId]
  const value =
    generated ??
    (op.success.schema === undefined ? null : sampleValue(op.success.schema, op.pointer))
  return sendOperation(c, op, present(value, op.success.schema, { self: call.self }))
}

import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import { answerList } from './list-operation.ts'
import type { Matched } from './match-operation.ts'
import { operationCall, type OperationDeps } from './operation-call.ts'
import { answerCount, answerRead, answerSample } from './read-operation.ts'
import { answerCreate, answerDelete, answerPatchByQuery, answerUpdate } from './write-operation.ts'

const WRITES: ReadonlySet<string> = new Set([
  'create',
  'replace',
  'patch',
  'patch-by-query',
  'delete',
  'replace-by-body',
])

/** Runs a document operation against fauxrest's state and answers in the document's shapes. */
export async function answerOperation(
  c: Context,
  found: Matched,
  deps: OperationDeps,
): Promise<Response> {
  const { op } = found
  if (WRITES.has(op.action) && deps.options.readOnly) {
    throw new AppError(
      'method_not_allowed',
      `${op.method} is not allowed here (the server is read-only).`,
      { headers: { Allow: 'GET, HEAD' } },
    )
  }
  const call = operationCall(c, found, deps)
  switch (op.action) {
    case 'list':
    case 'search':
      return answerList(call)
    case 'read':
      return answerRead(call)
    case 'create':
      return answerCreate(call)
    case 'replace':
    case 'patch':
    case 'replace-by-body':
      return answerUpdate(call)
    case 'patch-by-query':
      return answerPatchByQuery(call)
    case 'delete':
      return answerDelete(call)
    case 'count':
      return answerCount(call)
    case 'answer':
      return answerSample(call)
  }
}

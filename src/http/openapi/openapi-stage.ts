import { AppError } from '../../errors.ts'
import type { OpenApiBinding } from '../../openapi-import/binding.ts'
import type { AppOptions } from '../../app-options.ts'
import type { Context } from 'hono'
import type { Answer } from '../route.ts'
import { answerOperation } from './answer-operation.ts'
import type { RequestScope } from '../session/request-scope.ts'
import { checkParameters } from './check-parameters.ts'
import { checkCredentials } from './credentials.ts'
import { errorAnswer } from './error-answer.ts'
import { operationMatcher } from './match-operation.ts'

export type OpenApiStageDeps = {
  readonly options: AppOptions
  readonly binding: OpenApiBinding
}

/**
 * The stage that serves an OpenAPI document's paths. It runs before fauxrest's resource routes and
 * returns `undefined` for every request the document does not describe, which they then answer.
 * Errors of a matched operation are answered in the document's error shape.
 */
export function openApiStage(
  deps: OpenApiStageDeps,
): (c: Context, segments: readonly string[], scope: RequestScope) => Answer | undefined {
  const match = operationMatcher(deps.binding)
  // `segments`: the decoded path inside the API's prefix (and the session's)
  return (c, segments, scope) => {
    const operationDeps = {
      store: scope.db,
      options: deps.options,
      answers: deps.binding.answers,
      checkBody: deps.binding.checkBody,
    }
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
    const found = match(method, segments)
    if (found === undefined || (method === 'OPTIONS' && 'allow' in found)) return undefined
    if ('allow' in found) {
      throw new AppError(
        'method_not_allowed',
        `${method} is not allowed here. Allowed: ${found.allow}.`,
        {
          headers: { Allow: found.allow },
        },
      )
    }
    const run = async (): Promise<Response> => {
      try {
        checkCredentials(c, found.op)
        checkParameters(c, found.op, found.params, deps.binding.checkBody)
        return await answerOperation(c, found, operationDeps)
      } catch (error) {
        return errorAnswer(c, found.op, error)
      }
    }
    return run()
  }
}

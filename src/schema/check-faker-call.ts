import { didYouMean, report, type ParseContext } from './context.ts'
import type { FakerCall, JsonType } from './types.ts'

const PATH_SHAPE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/

/**
 * Checks a faker call against the catalog and returns the type it produces (`type: undefined` when
 * the samples mix types), or `undefined` after reporting why it cannot be used.
 */
export function checkFakerCall(
  call: FakerCall,
  at: { readonly path: string; readonly argsPath?: string; readonly label?: string },
  ctx: ParseContext,
): { readonly type: JsonType | undefined } | undefined {
  const label = at.label === undefined ? '' : `${at.label}: `
  if (!ctx.catalog.has(call.path)) {
    report(ctx.issues, at.path, label + unknownFakerMessage(call.path, ctx, at.label === undefined))
    return undefined
  }
  const sampled = ctx.catalog.sampleType(call)
  if (typeof sampled === 'object') {
    report(ctx.issues, at.argsPath ?? at.path, label + sampled.error)
    return undefined
  }
  return { type: sampled }
}

// Outside templates, a word that is no faker method was most likely meant as a constant
function unknownFakerMessage(text: string, ctx: ParseContext, valueHint: boolean): string {
  const suggestion = ctx.catalog.suggest(text)
  if (PATH_SHAPE.test(text) || !valueHint) {
    return `unknown faker method "${text}"${didYouMean(suggestion)}`
  }
  const method = suggestion?.slice(suggestion.indexOf('.') + 1)
  if (suggestion !== undefined && method?.toLowerCase() === text.toLowerCase()) {
    return `unknown faker method "${text}"${didYouMean(suggestion)}`
  }
  const literal = JSON.stringify(text)
  return `${literal} is not a faker method (module.method) or a {{template}}; for a constant write { "value": ${literal} }`
}

import { UserError } from './errors.ts'

/** Parses JSON text, turning a syntax error into one message with file, line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const where = locate(text, message)
    const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '')
    throw new UserError(`${file}${where}: invalid JSON: ${reason}`, [], { cause: error })
  }
}

function locate(text: string, message: string): string {
  const match = /at position (\d+)/.exec(message)
  const position = match?.[1] === undefined ? text.length : Number(match[1])
  if (text.trim() === '') return ':1:1'
  let line = 1
  let column = 1
  for (let index = 0; index < position && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++
      column = 1
    } else {
      column++
    }
  }
  return `:${line}:${column}`
}

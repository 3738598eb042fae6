import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'

export type Answer = {
  /** 0 when no answer came (connection refused, timeout). */
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
  readonly error?: string
}

/** One request on its own connection to 127.0.0.1; never rejects. */
export function httpRequest(
  port: number,
  method: string,
  path: string,
  body?: string,
  timeoutMs = 30_000,
): Promise<Answer> {
  return new Promise((resolve) => {
    const failed = (error: Error): void =>
      resolve({ status: 0, headers: {}, body: Buffer.alloc(0), error: error.message })
    const headers: Record<string, string> =
      body === undefined
        ? {}
        : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
    const req = request(
      { host: '127.0.0.1', port, method, path, headers, agent: false, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', failed)
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)))
    req.on('error', failed)
    req.end(body)
  })
}

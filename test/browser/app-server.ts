import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type AppServer = { readonly url: string; close(): void }

/**
 * A front end's page served by its own server on 127.0.0.1, another origin than the API, as in
 * development: CORS must let its requests in. (A real loopback server: Chromium keeps pages of
 * other address spaces from loopback.)
 */
export async function serveAppPage(html: string): Promise<AppServer> {
  const server = createServer((_, response) => {
    response.setHeader('Content-Type', 'text/html; charset=utf-8')
    response.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections()
      server.close()
    },
  }
}

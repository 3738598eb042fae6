import { connect } from 'node:net'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  resolveStaticPath,
  staticContentType,
  staticSegments,
} from '../../src/node/static-files.ts'
import type { Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, json, memoryMock, send, tempDir } from '../helpers.ts'

const SECRET = 'the content of a file outside the folder'
const NOT_FOUND = (path: string) => ({ error: `The requested resource was not found: ${path}.` })

let dir: Awaited<ReturnType<typeof tempDir>>
let root: string
let mock: Mock

// root/public holds the served files; root/secret.txt and root/outside/ are next to it.
beforeAll(async () => {
  dir = await tempDir()
  root = join(dir.path, 'public')
  const files: Record<string, string> = {
    'index.html': '<h1>index</h1>',
    'app.js': 'console.log(1)\n',
    'style.css': 'body{}',
    'data.bin': '\u0001\u0002',
    'Photo.PNG': 'png',
    'a file.txt': 'spaced',
    posts: 'a file named like a resource',
    '.env': 'SECRET=1',
    'sub/index.html': '<h1>sub</h1>',
    'sub/page.txt': 'page',
    'empty/readme.txt': 'no index here',
  }
  await mkdir(join(root, 'sub'), { recursive: true })
  await mkdir(join(root, 'empty'))
  await mkdir(join(dir.path, 'outside'))
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text)
  await writeFile(join(dir.path, 'secret.txt'), SECRET)
  await writeFile(join(dir.path, 'outside', 'inside.txt'), 'outside')
  await symlink(join(dir.path, 'secret.txt'), join(root, 'link-out.txt'))
  await symlink(join(dir.path, 'outside'), join(root, 'dir-out'))
  await symlink(join(root, 'sub', 'page.txt'), join(root, 'alias.txt'))
  mock = await memoryMock({ schema: JSONPLACEHOLDER, staticDir: root })
})
afterAll(async () => {
  await mock.close()
  await dir.remove()
})

describe('--static files', () => {
  it.each([
    ['/app.js', 'console.log(1)\n', 'text/javascript; charset=utf-8'],
    ['/style.css', 'body{}', 'text/css; charset=utf-8'],
    ['/index.html', '<h1>index</h1>', 'text/html; charset=utf-8'],
    ['/data.bin', '\u0001\u0002', 'application/octet-stream'],
    ['/Photo.PNG', 'png', 'image/png'],
    ['/a%20file.txt', 'spaced', 'text/plain; charset=utf-8'],
    ['/sub/', '<h1>sub</h1>', 'text/html; charset=utf-8'],
    ['/sub/page.txt', 'page', 'text/plain; charset=utf-8'],
    ['/alias.txt', 'page', 'text/plain; charset=utf-8'],
    ['/app.js?v=3', 'console.log(1)\n', 'text/javascript; charset=utf-8'],
  ])('serves %s', async (path, body, type) => {
    const response = await send(mock, 'GET', path)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)))
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe(body)
  })

  it('answers HEAD with the headers of GET and no body, and If-None-Match with 304', async () => {
    const get = await send(mock, 'GET', '/app.js')
    await get.text()
    const head = await send(mock, 'HEAD', '/app.js')
    expect(head.status).toBe(200)
    expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(get.headers))
    expect(await head.text()).toBe('')
    const etag = get.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/)
    const again = await send(mock, 'GET', '/app.js', undefined, { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('redirects a folder holding an index.html to its trailing-slash path', async () => {
    const response = await send(mock, 'GET', '/sub?x=1')
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe('/sub/?x=1')
  })

  it('serves index.html at / and moves the homepage to /_fauxrest, as json-server serves a front end', async () => {
    const index = await send(mock, 'GET', '/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toBe('<h1>index</h1>')
    expect(mock.homePath).toBe('/_fauxrest')
    expect(await (await send(mock, 'GET', '/_fauxrest')).text()).toContain('<h1>fauxrest</h1>')
    const homeJson = await send(mock, 'GET', '/_fauxrest?format=json')
    expect(((await json(homeJson)) as { name: string }).name).toBe('fauxrest')
  })

  it("refuses other methods at the front end's / with 405 and Allow (json-server: 404)", async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await send(mock, method, '/', {})
      expect(response.status).toBe(405)
      expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
      expect(await json(response)).toEqual({
        error: `${method} is not allowed here. Allowed: GET, HEAD, OPTIONS.`,
      })
    }
    const options = await send(mock, 'OPTIONS', '/')
    expect([options.status, options.headers.get('Allow')]).toEqual([204, 'GET, HEAD, OPTIONS'])
    const home = await send(mock, 'POST', '/_fauxrest', {})
    expect([home.status, home.headers.get('Allow')]).toEqual([405, 'GET, HEAD, OPTIONS'])
  })

  it('leaves resource paths to the resources', async () => {
    const posts = await send(mock, 'GET', '/posts')
    expect(((await json(posts)) as unknown[]).length).toBe(100)
  })

  it('keeps the homepage at / when the folder has no index.html', async () => {
    const other = await memoryMock({ schema: JSONPLACEHOLDER, staticDir: join(root, 'empty') })
    expect(other.homePath).toBe('/')
    expect(await (await send(other, 'GET', '/')).text()).toContain('<h1>fauxrest</h1>')
    expect((await send(other, 'GET', '/_fauxrest')).status).toBe(404)
    await other.close()
  })

  it.each([
    '/missing.txt',
    '/.env',
    '/%2eenv',
    '/link-out.txt',
    '/dir-out/inside.txt',
    '/dir-out/',
    '/empty',
    '/empty/',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/sub/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/sub%5c..%5c..%5csecret.txt',
    '/%2Fetc%2Fpasswd',
    '/C:%5cWindows%5cwin.ini',
    '/app.js%00.txt',
    '/bad%E0%A4%A',
    '/sub//page.txt',
  ])('answers %s with the JSON 404', async (path) => {
    const response = await send(mock, 'GET', path)
    expect({ status: response.status, body: await json(response) }).toEqual({
      status: 404,
      body: NOT_FOUND(new URL(path, 'http://localhost').pathname),
    })
  })

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/sub/%2E%2E/%2e%2e/secret.txt'])(
    'cannot leave the folder over a real socket with the raw path %s',
    async (path) => {
      const server = await mock.listen(0)
      try {
        const reply = await rawGet(server.port, path)
        expect(reply).toMatch(/^HTTP\/1\.1 404 /)
        expect(reply).not.toContain(SECRET)
      } finally {
        await server.close()
      }
    },
  )

  it('answers writes to a file path with the JSON 404', async () => {
    const response = await send(mock, 'POST', '/app.js', {})
    expect({ status: response.status, body: await json(response) }).toEqual({
      status: 404,
      body: NOT_FOUND('/app.js'),
    })
  })

  it('serves nothing when the folder does not exist', async () => {
    const missing = await memoryMock({ schema: JSONPLACEHOLDER, staticDir: join(root, 'nope') })
    expect((await send(missing, 'GET', '/app.js')).status).toBe(404)
    await missing.close()
  })

  it('serves nothing without --static', async () => {
    const plain = await memoryMock({ schema: JSONPLACEHOLDER })
    expect((await send(plain, 'GET', '/index.html')).status).toBe(404)
    await plain.close()
  })
})

describe('staticSegments', () => {
  it.each([
    ['/a/b.txt', ['a', 'b.txt']],
    ['/a%20b/c', ['a b', 'c']],
    ['/sub/', ['sub', 'index.html']],
    ['/', ['index.html']],
    ['/..', undefined],
    ['/a/../b', undefined],
    ['/a/./b', undefined],
    ['/%2e%2e/b', undefined],
    ['/a%2fb', undefined],
    ['/a%5cb', undefined],
    ['/a%00', undefined],
    ['/c:', undefined],
    ['//a', undefined],
    ['/.hidden', undefined],
    ['/%E0%A4%A', undefined],
  ])('%s -> %j', (path, segments) => {
    expect(staticSegments(path)).toEqual(segments)
  })
})

describe('resolveStaticPath', () => {
  it('never resolves outside the folder, even for paths a URL parser would not normalise', async () => {
    for (const path of ['/../secret.txt', '/sub/../../secret.txt', '/link-out.txt', '/dir-out']) {
      expect(await resolveStaticPath(root, path)).toBeUndefined()
    }
    expect(await resolveStaticPath(root, '/alias.txt')).toEqual({
      kind: 'file',
      path: join(root, 'sub', 'page.txt'),
    })
  })
})

describe('staticContentType', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml; charset=utf-8'],
    ['a.md', 'text/markdown; charset=utf-8'],
    ['a.JPG', 'image/jpeg'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['Makefile', 'application/octet-stream'],
  ])('%s is %s', (name, type) => {
    expect(staticContentType(name)).toBe(type)
  })
})

/** One GET with the path sent exactly as given (fetch would normalise it). */
function rawGet(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
    })
    let reply = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (reply += chunk))
    socket.on('end', () => resolve(reply))
    socket.on('error', reject)
  })
}

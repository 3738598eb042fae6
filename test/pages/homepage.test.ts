import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { homepageJson } from '../../src/pages/homepage-json.ts'
import { renderHomepage } from '../../src/pages/homepage.ts'
import { EVERY_FEATURE, JSONPLACEHOLDER, firstItems, loadSchema } from '../openapi/load-fixture.ts'
import { homepageInfo, nestingProblems } from './homepage-fixture.ts'
import { JSONPLACEHOLDER_ROWS } from '../helpers.ts'
import { LIVE_CHANGES_HASH, LIVE_CHANGES_SCRIPT } from '../../src/pages/live-changes.ts'

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '')
}

describe('renderHomepage for JSONPlaceholder', () => {
  it('is a complete, well-nested document with no external assets and one script of its own', async () => {
    const html = renderHomepage(await homepageInfo(JSONPLACEHOLDER))
    expect(
      html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true)
    expect(nestingProblems(html)).toEqual([])
    expect(html).toContain('@media (prefers-color-scheme: dark)')
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    // The live list of changes is the only script; it loads nothing (the CSP allows it by hash).
    expect(html.match(/<script|src=/g)).toEqual(['<script'])
    expect(html).toContain(`<script>${LIVE_CHANGES_SCRIPT}</script>`)
    const hash = createHash('sha256').update(LIVE_CHANGES_SCRIPT).digest('base64')
    expect(LIVE_CHANGES_HASH).toBe(`'sha256-${hash}'`)
    // Only local links, and an empty icon so browsers do not ask for /favicon.ico.
    const external = hrefs(html).filter((href) => !href.startsWith('/') && !href.startsWith('#'))
    expect(external).toEqual(['data:,'])
  })

  it('lists every resource with its count, link and routes', async () => {
    const html = renderHomepage(await homepageInfo(JSONPLACEHOLDER))
    const rows = [
      ...html.matchAll(
        /<th scope="row"><a href="([^"]+)">[^<]+<\/a><\/th>\n<td class="count">([^<]+)<\/td>/g,
      ),
    ]
    expect(rows.map(([, href, count]) => [href, count])).toEqual(JSONPLACEHOLDER_ROWS)
    expect(html).toContain(
      '<li><code><span class="method">GET</span> <span class="method write">POST</span> /users/:userId/posts</code></li>',
    )
    expect(html).toContain(
      '<li><code><span class="method">GET</span> <span class="method write">PUT</span> <span class="method write">PATCH</span> <span class="method write">DELETE</span> /posts/:id</code></li>',
    )
  })

  it('gives example requests and a curl command with a generated body for each resource', async () => {
    const info = await homepageInfo(JSONPLACEHOLDER)
    const html = renderHomepage(info)
    for (const path of [
      '/posts',
      '/posts/1',
      '/posts?userId=1',
      '/users/1/posts',
      '/posts/1/comments',
      '/albums/1/photos',
    ]) {
      expect(html).toContain(`<a href="${path}">${path}</a>`)
    }
    const schema = await loadSchema(JSONPLACEHOLDER)
    const post = firstItems(schema)('posts') ?? {}
    const body = JSON.stringify(
      { userId: post['userId'], title: post['title'], body: post['body'] },
      null,
      2,
    )
    const curl = [
      `curl -X POST 'http://127.0.0.1:3000/posts' \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -d '${body}'`,
    ].join('\n')
    const escaped = curl.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')
    expect(html).toContain(
      `<p>POST /posts with a JSON body:</p>\n<pre><code>${escaped}</code></pre>`,
    )
  })

  it('shows the query language, one row per kind of query, each with an example link', async () => {
    const html = renderHomepage(await homepageInfo(JSONPLACEHOLDER))
    const section = html.slice(html.indexOf('<h2 id="queries">'), html.indexOf('<h2 id="options">'))
    const rows = [
      ...section.matchAll(
        /<tr><td><code>([^<]*)<\/code><\/td><td>[^<]*<\/td><td>(?:<a href="([^"]*)">|&mdash;)/g,
      ),
    ]
    expect(rows.map(([, query, href]) => [query, href])).toEqual([
      ['?userId=1', '/posts?userId=1'],
      ['?id=1&amp;id=2', '/users?id=1&amp;id=2'],
      ['?address.city=Paris', '/users?address.street=Locust%20Street'],
      ['?views_gt=10 _gte _lt _lte _ne', '/users?id_gte=1'],
      ['?title_like=^sun', '/users?name_like=%5EZoe'],
      ['?q=text', '/users?q=zoey'],
      [
        '?_sort=views,title&amp;_order=desc,asc or ?_sort=-views,title',
        '/users?_sort=name%2Cid&amp;_order=desc%2Casc',
      ],
      ['?_page=2&amp;_limit=10', '/users?_page=2&amp;_limit=10'],
      ['?_start=20&amp;_end=30 or ?_start=20&amp;_limit=10', '/users?_start=20&amp;_end=30'],
      ['?_embed=comments', '/users?_embed=posts'],
      ['?_expand=user', '/posts?_expand=user'],
      ['?_select=id,title', '/users?_select=id%2Cname'],
      [
        '?views:gt=10 :gte :lt :lte :eq :ne :in :contains :startsWith :endsWith',
        '/users?id%3Agt=1',
      ],
      ['?_page=2&amp;_per_page=25', '/users?_page=2&amp;_per_page=25'],
    ])
  })

  it('links the API reference, the OpenAPI document and the database', async () => {
    const html = renderHomepage(await homepageInfo(JSONPLACEHOLDER))
    expect(hrefs(html).slice(2, 5)).toEqual(['/docs', '/openapi.json', '/db'])
  })

  it.each([
    [
      { readOnly: true, fakeWrites: false, delay: undefined, cors: true },
      ['on: every write answers 405', 'off', 'none', 'on, for any origin'],
    ],
    [
      { readOnly: false, fakeWrites: true, delay: { min: 200, max: 200 }, cors: false },
      [
        'off',
        'on: writes are validated and answered, nothing changes',
        '200 ms on every answer',
        'off',
      ],
    ],
    [
      {
        readOnly: false,
        fakeWrites: false,
        delay: { min: 100, max: 500 },
        cors: true,
        db: 'db.json',
        seed: 7,
      },
      ['off', 'off', '100–500 ms on every answer', 'on, for any origin', 'db.json', '7'],
    ],
  ])('shows the server options %j', async (options, values) => {
    const html = renderHomepage(await homepageInfo(JSONPLACEHOLDER, { options }))
    const list = html.slice(html.indexOf('<dl class="options">'), html.indexOf('</dl>'))
    expect([...list.matchAll(/<dd>([^<]*)<\/dd>/g)].map((match) => match[1])).toEqual(values)
  })
})

describe('renderHomepage escaping', () => {
  it('escapes the title, base URL, options and generated values', async () => {
    const plain = await homepageInfo(EVERY_FEATURE)
    const hostile = { id: 1, commentId: 1, emoji: `<3 '</code></pre><script>` }
    const info = await homepageInfo(EVERY_FEATURE, {
      title: '<script>alert(1)</script> & co',
      baseUrl: 'http://127.0.0.1:3000/"><img src=x>',
      examples: (resource) => (resource === 'reactions' ? hostile : plain.examples(resource)),
      options: {
        readOnly: false,
        fakeWrites: false,
        delay: undefined,
        cors: true,
        db: '/tmp/<b>"db".json',
      },
    })
    const html = renderHomepage(info)
    // Only the page's own script
    expect(html.split('<script>')).toHaveLength(2)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>')
    expect(html).toContain('<dd>/tmp/&lt;b&gt;&quot;db&quot;.json</dd>')
    expect(html).toContain('<code>http://127.0.0.1:3000/&quot;&gt;&lt;img src=x&gt;</code>')
    // In the curl body the quote is also closed and reopened for the shell.
    expect(html).toContain(
      `&quot;emoji&quot;: &quot;&lt;3 &#39;\\&#39;&#39;&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;&quot;`,
    )
    expect(nestingProblems(html)).toEqual([])
  })
})

describe('renderHomepage for a schema using every feature', () => {
  it('handles string ids, singular and free-form resources', async () => {
    const info = await homepageInfo(EVERY_FEATURE)
    const html = renderHomepage(info)
    const user = info.examples('users') ?? {}
    const userId = String(user['id'])
    expect(userId).toMatch(/^[0-9a-f-]{36}$/)
    expect(html).toContain(`<a href="/users/${userId}/posts">/users/${userId}/posts</a>`)
    expect(html).toContain('<td class="count">singular</td>')
    expect(html).toContain(
      '<p>PUT /profile with a JSON body:</p>\n<pre><code>curl -X PUT &#39;http://127.0.0.1:3000/profile&#39;',
    )
    expect(html).toContain('<a href="/notes">/notes</a>')
    // A self-reference gives no nested route.
    expect(html).not.toContain('/categories/:categoryId/categories')
  })
})

describe('homepageJson', () => {
  it('lists resources with counts, urls and routes, the links and the options', async () => {
    const info = await homepageInfo(EVERY_FEATURE, {
      options: {
        readOnly: true,
        fakeWrites: false,
        delay: { min: 0, max: 50 },
        cors: false,
        seed: 7,
      },
    })
    const json = homepageJson(info)
    expect(json).toMatchObject({
      name: 'fauxrest',
      version: '0.1.0',
      url: 'http://127.0.0.1:3000',
      links: { docs: '/docs', openapi: '/openapi.json', db: '/db', reset: '/_reset' },
      options: {
        readOnly: true,
        fakeWrites: false,
        delay: { min: 0, max: 50 },
        cors: false,
        seed: 7,
      },
    })
    const resources = json['resources']
    expect(Array.isArray(resources) && resources.slice(-2)).toEqual([
      { name: 'profile', url: '/profile', singular: true, routes: ['GET POST PUT PATCH /profile'] },
      { name: 'meta', url: '/meta', singular: true, routes: ['GET POST PUT PATCH /meta'] },
    ])
    expect(Array.isArray(resources) && resources[0]).toEqual({
      name: 'users',
      url: '/users',
      count: 4,
      routes: ['GET POST /users', 'GET PUT PATCH DELETE /users/:id'],
    })
  })
})

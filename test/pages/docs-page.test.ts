import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  DOCS_ASSET_NAMES,
  docsAssetContentType,
  docsAssetPath,
} from '../../src/node/docs-assets.ts'
import { renderDocsPage } from '../../src/pages/docs-page.ts'

function inlineScript(html: string): string {
  return /<script>\n([\s\S]*?)<\/script>/.exec(html)?.[1] ?? ''
}

describe('renderDocsPage', () => {
  const html = renderDocsPage({ specUrl: '/openapi.json', assetBase: '/docs/assets/' })

  it('loads Swagger UI from the local assets only', () => {
    const sources = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1])
    expect(sources).toEqual([
      '/docs/assets/swagger-ui.css',
      '/docs/assets/favicon-32x32.png',
      '/docs/assets/favicon-16x16.png',
      '/openapi.json',
      '/docs/assets/swagger-ui-bundle.js',
      '/docs/assets/swagger-ui-standalone-preset.js',
    ])
    expect(html).not.toMatch(/https?:\/\//)
  })

  it('starts Swagger UI on the spec with try-it-out, deep linking and no online validator', () => {
    const script = inlineScript(html)
    expect(() => new Function(script)).not.toThrow()
    const config = JSON.parse(
      /Object\.assign\((\{.*?\}), \{/.exec(script)?.[1] ?? 'null',
    ) as unknown
    expect(config).toEqual({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      deepLinking: true,
      tryItOutEnabled: true,
      displayRequestDuration: true,
      validatorUrl: null,
    })
    expect(script).toContain("layout: 'StandaloneLayout'")
  })

  it('cannot be broken out of by the spec URL or asset base', () => {
    const hostile = renderDocsPage({
      specUrl: '/x</script><script>alert(1)</script>',
      assetBase: '/a"><b',
    })
    expect(hostile.match(/<script/g)).toHaveLength(3)
    expect(hostile).not.toContain('"><b')
    expect(hostile).toContain('<script src="/a&quot;&gt;&lt;b/swagger-ui-bundle.js"></script>')
    expect(inlineScript(hostile)).toContain(
      '"url":"/x\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"',
    )
  })
})

describe('docsAssetPath', () => {
  it.each(DOCS_ASSET_NAMES.map((name) => [name]))(
    'resolves %s to a file in swagger-ui-dist',
    (name) => {
      const path = docsAssetPath(name)
      expect(path).toMatch(
        new RegExp(`node_modules/swagger-ui-dist/${name.replaceAll('.', '\\.')}$`),
      )
      expect(path !== undefined && existsSync(path)).toBe(true)
    },
  )

  it.each([
    '',
    'index.html',
    'package.json',
    '../package.json',
    '../../package.json',
    'swagger-ui.css/..',
    '/etc/passwd',
    'swagger-ui.css?x',
    './swagger-ui.css',
    'SWAGGER-UI.CSS',
    'constructor',
    '__proto__',
  ])('refuses %j', (name) => {
    expect(docsAssetPath(name)).toBeUndefined()
    expect(docsAssetContentType(name)).toBeUndefined()
  })

  it('gives each asset its content type', () => {
    expect(DOCS_ASSET_NAMES.map((name) => [name, docsAssetContentType(name)])).toEqual([
      ['swagger-ui.css', 'text/css; charset=utf-8'],
      ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
      ['swagger-ui-standalone-preset.js', 'text/javascript; charset=utf-8'],
      ['favicon-32x32.png', 'image/png'],
      ['favicon-16x16.png', 'image/png'],
    ])
  })
})

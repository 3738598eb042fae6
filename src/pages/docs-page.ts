import { markup, raw } from './html.ts'

export type DocsPageOptions = {
  /** Where the OpenAPI document is, e.g. `/openapi.json`. */
  readonly specUrl: string
  /** Where the swagger-ui-dist assets are served, e.g. `/docs/assets` (no trailing slash). */
  readonly assetBase: string
}

// JSON inside a <script> element: `<` escaped so no string can close the element.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c')
}

/** The interactive API reference at `GET /docs`: Swagger UI from local assets only, so it works offline. */
export function renderDocsPage(options: DocsPageOptions): string {
  const base = options.assetBase.replace(/\/+$/, '')
  const config = {
    url: options.specUrl,
    dom_id: '#swagger-ui',
    deepLinking: true,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    // No badge fetched from the online validator: nothing leaves the machine.
    validatorUrl: null,
  }
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference</title>
<link rel="stylesheet" href="${base}/swagger-ui.css">
<link rel="icon" type="image/png" href="${base}/favicon-32x32.png" sizes="32x32">
<link rel="icon" type="image/png" href="${base}/favicon-16x16.png" sizes="16x16">
<style>body { margin: 0; }</style>
</head>
<body>
<main id="swagger-ui"></main>
<noscript><p>The API reference needs JavaScript. The OpenAPI document is at <a href="${options.specUrl}">${options.specUrl}</a>.</p></noscript>
<script src="${base}/swagger-ui-bundle.js"></script>
<script src="${base}/swagger-ui-standalone-preset.js"></script>
<script>
window.ui = SwaggerUIBundle(Object.assign(${raw(scriptJson(config))}, {
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
  layout: 'StandaloneLayout',
}))
</script>
</body>
</html>
`
  return page.text
}

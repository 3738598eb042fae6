import { type SafeHtml, markup } from './html.ts'

/** How a request works on a private copy of the data. */
export function sessionsSection(base: string): SafeHtml {
  return markup`<section aria-labelledby="sessions">
<h2 id="sessions">Sessions</h2>
<p>For parallel tests: with the header <code>Fauxrest-Session: NAME</code>, or under the path prefix
<code>${base}/_sessions/NAME/</code> (<code>${base}/_sessions/NAME/posts/1</code>), a request works on a
private copy of the data the server started with, made on first use; the shared data never sees
its changes. <a href="${base}/_sessions"><code>GET ${base}/_sessions</code></a> lists them,
<code>POST ${base}/_sessions/NAME/_reset</code> resets one and <code>DELETE ${base}/_sessions/NAME</code>
drops it.</p>
</section>`
}

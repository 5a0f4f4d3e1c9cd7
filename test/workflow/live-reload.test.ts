/**
 * Where the live-reload client goes into a served page: just before the last `</body>`, at a position found
 * in the page itself (a lower-cased copy can be longer than the page: `'İ'.toLowerCase()` is two characters).
 */
import { describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT, injectLiveReload } from '../../src/watch/live-reload.js';

const script = `<script>${CLIENT_SCRIPT}</script>\n`;

describe('injectLiveReload', () => {
  it('inserts the script right before </body> when text before it changes length in lower case', () => {
    const page = '<!doctype html><html><body><p>Ali İrfan, Ali İrfan and Ali İrfan</p>\n</body>\n</html>\n';
    const out = injectLiveReload(page);
    expect(out).toBe(page.replace('</body>', `${script}</body>`));
    expect(out.endsWith(`</p>\n${script}</body>\n</html>\n`)).toBe(true);
  });

  it('finds </BODY> in any case, and the last one', () => {
    const page = '<html><body><pre>&lt;/body&gt; </body> in text</pre>\n</BODY></html>';
    expect(injectLiveReload(page)).toBe(
      `<html><body><pre>&lt;/body&gt; </body> in text</pre>\n${script}</BODY></html>`,
    );
  });

  it('appends the script to a page without </body>', () => {
    expect(injectLiveReload('<p>İ</p>')).toBe(`<p>İ</p>${script}`);
  });
});

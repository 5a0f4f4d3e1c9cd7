// Writes docs/errors.md from the error catalogue (src/diagnostics/catalogue.ts). Run after `npm run build`:
// it reads the compiled catalogue from dist/. test/diagnostics/catalogue.test.ts fails when the page is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CATALOGUE, renderErrorsMarkdown } from '../dist/diagnostics/catalogue.js';

const target = fileURLToPath(new URL('../docs/errors.md', import.meta.url));
writeFileSync(target, renderErrorsMarkdown(), 'utf8');
console.log(`wrote docs/errors.md (${Object.keys(DIAGNOSTIC_CATALOGUE).length} codes)`);

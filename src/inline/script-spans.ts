/**
 * Text in another script than the page's, marked for the browser: a run of Hebrew or Arabic letters gets
 * `dir="rtl"` (so a Hebrew name inside an English sentence is ordered right to left, and its neighbours
 * are not reordered with it), and `lang` where the script tells the language: Hebrew `he`, Hangul `ko`,
 * kana `ja`. Chinese characters alone do not tell Chinese from Japanese, nor Arabic letters Arabic from
 * Persian or Urdu, so those runs get no `lang` (a wrong one would pick wrong glyphs and pronunciation).
 */
import { escapeHtmlText } from './html-escape.js';

/** A quick test: no character of these scripts, no work (almost every text). */
const ANY = /[\u0590-\u08ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * A run: letters of one class, with the spaces and punctuation between them (a name with a space, a
 * Japanese `・`), starting and ending on a letter.
 */
const RUN =
  /[\p{Script=Hebrew}\p{Script=Arabic}](?:[\p{Script=Hebrew}\p{Script=Arabic}\p{M}\s'"׳״.-]*[\p{Script=Hebrew}\p{Script=Arabic}\p{M}])?|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}](?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s・ー々〆、。「」（）]*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々])?/gu;

const HEBREW = /\p{Script=Hebrew}/u;
const ARABIC = /\p{Script=Arabic}/u;
const HANGUL = /\p{Script=Hangul}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The attributes of a run, or '' when it needs none. */
function attributesOf(run: string): string {
  if (HEBREW.test(run)) return ' lang="he" dir="rtl"';
  if (ARABIC.test(run)) return ' dir="rtl"';
  if (HANGUL.test(run)) return ' lang="ko"';
  if (KANA.test(run)) return ' lang="ja"';
  return '';
}

/** `text` escaped for HTML, its runs of other scripts in `<span>`s with `dir`/`lang` (see above). */
export function escapeHtmlTextWithScripts(text: string): string {
  if (!ANY.test(text)) return escapeHtmlText(text);
  let out = '';
  let at = 0;
  for (const match of text.matchAll(RUN)) {
    const attributes = attributesOf(match[0]);
    if (attributes === '') continue;
    const start = match.index;
    out += `${escapeHtmlText(text.slice(at, start))}<span${attributes}>${escapeHtmlText(match[0])}</span>`;
    at = start + match[0].length;
  }
  return out + escapeHtmlText(text.slice(at));
}

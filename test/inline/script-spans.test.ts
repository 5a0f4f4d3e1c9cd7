/**
 * Runs of other scripts in the HTML: right-to-left runs get `dir="rtl"`, and `lang` where the script tells
 * the language (Hebrew, Hangul, kana); Chinese characters alone and Arabic letters get no `lang`.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtmlTextWithScripts } from '../../src/inline/script-spans.js';
import { inlineToHtml } from '../../src/inline/to-html.js';

describe('escapeHtmlTextWithScripts', () => {
  it('leaves Latin, Greek and Cyrillic text as it is (escaped)', () => {
    expect(escapeHtmlTextWithScripts('Ελένη & Иван <3')).toBe('Ελένη &amp; Иван &lt;3');
  });

  it('marks a Hebrew name inside English text, spaces within the run included', () => {
    expect(escapeHtmlTextWithScripts('with נועה כהן, 2024')).toBe(
      'with <span lang="he" dir="rtl">נועה כהן</span>, 2024',
    );
  });

  it('gives Arabic runs a direction but no language', () => {
    expect(escapeHtmlTextWithScripts('ليلى حسن (PI)')).toBe('<span dir="rtl">ليلى حسن</span> (PI)');
  });

  it('marks Korean and Japanese by their own letters; Chinese characters alone stay unmarked', () => {
    expect(escapeHtmlTextWithScripts('김민준 and さくら 山田 and 张伟')).toBe(
      '<span lang="ko">김민준</span> and <span lang="ja">さくら 山田</span> and 张伟',
    );
  });

  it('escapes the text inside a run', () => {
    expect(escapeHtmlTextWithScripts('<b>נועה</b>')).toBe(
      '&lt;b&gt;<span lang="he" dir="rtl">נועה</span>&lt;/b&gt;',
    );
  });

  it('is what inline text renders as', () => {
    expect(inlineToHtml([{ type: 'text', value: 'נועה' }])).toBe('<span lang="he" dir="rtl">נועה</span>');
  });
});

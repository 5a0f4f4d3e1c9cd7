/** The label tables vita ships, by language subtag. A new language: one file in `languages/`, one line here. */
import type { Labels } from './labels.js';
import { de } from './languages/de.js';
import { en } from './languages/en.js';
import { es } from './languages/es.js';
import { fr } from './languages/fr.js';
import { it } from './languages/it.js';
import { ja } from './languages/ja.js';
import { ko } from './languages/ko.js';
import { nl } from './languages/nl.js';
import { pt } from './languages/pt.js';
import { ru } from './languages/ru.js';
import { tr } from './languages/tr.js';
import { zh } from './languages/zh.js';

export const LABEL_TABLES: Readonly<Record<string, Labels>> = {
  en,
  de,
  fr,
  es,
  it,
  pt,
  nl,
  tr,
  ru,
  zh,
  ja,
  ko,
};

export const DEFAULT_LANGUAGE = 'en';

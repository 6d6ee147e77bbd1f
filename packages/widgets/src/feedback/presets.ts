import { type Locale, loadCatalog } from '../i18n/localize.js';
import type { Catalog } from '../i18n/strings.js';
import { strings as en } from './i18n/presets.en.js';

// Loaded only by pages that set `preset`, so the questionnaires' texts cost the others nothing.

/** The US OMB Circular A-11 customer-experience statements, each rated 1-5 (stars). */
export interface PresetStrings {
  a11Satisfaction: string;
  a11Trust: string;
  a11Effectiveness: string;
  a11Ease: string;
  a11Efficiency: string;
  a11Equity: string;
  a11Employee: string;
  /** How to read the 1-5 scale of the statements. */
  agreeHint: string;
}

export const presetCatalog: Catalog<PresetStrings> = {
  en,
  others: {
    fr: () => import('./i18n/presets.fr.js'),
    es: () => import('./i18n/presets.es.js'),
    ar: () => import('./i18n/presets.ar.js'),
    zh: () => import('./i18n/presets.zh.js'),
  },
};

const PRESETS: Record<string, Exclude<keyof PresetStrings, 'agreeHint'>> = {
  'a11-satisfaction': 'a11Satisfaction',
  'a11-trust': 'a11Trust',
  'a11-effectiveness': 'a11Effectiveness',
  'a11-ease': 'a11Ease',
  'a11-efficiency': 'a11Efficiency',
  'a11-equity': 'a11Equity',
  'a11-employee': 'a11Employee',
};

/** A preset's question and scale hint in `locale`; `undefined` for a name we do not know. */
export async function preset(name: string, locale: Locale): Promise<{ question: string; hint: string } | undefined> {
  const key = PRESETS[name];
  if (!key) return undefined;
  const strings = (await loadCatalog(presetCatalog, locale)) ?? en;
  return { question: strings[key], hint: strings.agreeHint };
}

// Which engine a browser test runs in, for the few tests that must differ; each says why where it asks.

/** WebKit, not Chromium (whose user agent also names AppleWebKit). */
export const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome\//.test(navigator.userAgent);
export const isFirefox = /Firefox\//.test(navigator.userAgent);

/**
 * A localized text as the tests compare it. WebKitGTK (its ICU is Debian's, 72) writes Arabic's numbers in Western
 * or Arabic-Indic digits depending on which Arabic locales the page formatted before, so one `Intl.NumberFormat('ar')`
 * made by a widget and one made by the test can disagree. In WebKit alone the tests compare the numbers, not their
 * digits; Chromium and Firefox compare the exact text.
 */
export function asCompared(text: string): string {
  if (!isWebKit) return text;
  return text
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x660))
    .replace(/٬/g, ',')
    .replace(/٫/g, '.')
    .replace(/[\u061c\u200e\u200f]/g, '');
}

/** Whether a text mixes Western and Arabic-Indic digits, which no reader expects in one label. */
export function mixesDigits(text: string): boolean {
  return /[0-9]/.test(text) && /[٠-٩]/.test(text);
}

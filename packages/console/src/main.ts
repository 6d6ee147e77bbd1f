// The console's entry: the officer's language is put in place first, and only then do the console's modules
// evaluate, so that those reading `t` at module level (page titles, a form's field list) read the right words.
// No top-level await: the console's chunk imports the strings from this file, which must have finished evaluating.
import { currentLocale, useLocale } from './languages.js';

useLocale(currentLocale()).then(() => import('./console.js'));

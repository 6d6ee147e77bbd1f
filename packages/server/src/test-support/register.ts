// Imported first by every server test file; the file then loads server code with a dynamic import(), which
// resolves after this hook is in place (static imports would resolve before any module runs).
import { register } from 'node:module';

register('./condition-hook.mjs', import.meta.url);

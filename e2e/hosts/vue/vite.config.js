import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Vue must not try to resolve <civic-*> tags as Vue components. Relative asset URLs: the end-to-end test serves
// the built app under a path of its choosing.
export default defineConfig({
  base: './',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('civic-') } } })],
});

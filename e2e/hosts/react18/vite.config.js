import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative asset URLs: the end-to-end test serves the built app under a path of its choosing.
export default defineConfig({ base: './', plugins: [react()] });

import '@civic-widgets/widgets/define/civic-petition.js';
import '@civic-widgets/widgets/define/civic-poll.js';
import '@civic-widgets/widgets/define/civic-feedback.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');

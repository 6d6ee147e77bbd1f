import '@civic-widgets/widgets/define/civic-petition.js';
import '@civic-widgets/widgets/define/civic-poll.js';
import '@civic-widgets/widgets/define/civic-feedback.js';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error) =>
  console.error(error),
);

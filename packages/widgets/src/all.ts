/** Defines every Civic Widgets element. */
import './define/civic-feedback.js';
import './define/civic-petition.js';
import './define/civic-petition-counter.js';
import './define/civic-poll.js';
import './define/civic-rating.js';
import './define/civic-service-locator.js';

// <civic-version> only helps when asking for support: it loads after the widgets, off their critical path.
void import('./define/civic-version.js');
// <civic-report-status> shows a report made earlier, so it is never needed at first paint: the same, off the path.
void import('./define/civic-report-status.js');

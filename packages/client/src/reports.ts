/** `@civic-widgets/client/reports`: following reports (Open311 service requests), with the status schema. */
export { createClient, ReportsClient } from './resources/reports.js';
export * from './schemas/report.js';
export * from './shared.js';

import { defineElement } from '../internal/define.js';
import { CivicReportStatus } from '../report-status/report-status.js';

defineElement('civic-report-status', CivicReportStatus);

import type { ReportStatusStrings } from '../report-status.strings.js';

export const strings: ReportStatusStrings = {
  loading: 'Checking the report…',
  title: 'Report {reference}',
  open: 'Open: the council is working on it',
  closed: 'Closed',
  agency: 'Handled by {agency}',
  expected: 'Expected by {date}',
  updated: 'Last updated {date}',
  notFound: 'No report has this reference.',
  keep: 'Remember this report on this device for 90 days, to check it later',
};

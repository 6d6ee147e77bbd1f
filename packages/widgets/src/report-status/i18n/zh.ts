import type { ReportStatusStrings } from '../report-status.strings.js';

export const strings: ReportStatusStrings = {
  loading: '正在查询报告…',
  title: '报告 {reference}',
  open: '处理中：市政部门正在处理',
  closed: '已结案',
  agency: '负责部门：{agency}',
  expected: '预计完成：{date}',
  updated: '最近更新：{date}',
  notFound: '没有此编号的报告。',
  keep: '在此设备上保存此报告 90 天，以便稍后查看',
};

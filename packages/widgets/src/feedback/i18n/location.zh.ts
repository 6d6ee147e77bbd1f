import type { LocationStrings } from '../location.js';

export const strings: LocationStrings = {
  legend: '问题在哪里？',
  hint: '使用您的位置，或输入地址或地点。它只会随本次报告发送。',
  use: '使用我的位置',
  finding: '正在查找您的位置…',
  added: '已添加位置',
  denied: '您的位置未被共享。请改为输入地址或地点。',
  unavailable: '无法找到您的位置。请改为输入地址或地点。',
  address: '地址或地点',
  required: '请说明问题在哪里：使用您的位置，或输入地址或地点。',
};

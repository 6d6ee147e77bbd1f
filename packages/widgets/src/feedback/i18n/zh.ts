import type { FeedbackStrings } from '../feedback.strings.js';

export const strings: FeedbackStrings = {
  questionThumbs: '此页面对您有帮助吗？',
  questionStars: '您如何评价此页面？',
  questionSmileys: '您对这项服务满意吗？',
  questionNps: '您向朋友或同事推荐这项服务的可能性有多大？',
  ratingRequired: '请选择一个答案',
  send: '发送',
  recorded: '谢谢，您的回答已记录。',
  followUpNegative: '遇到了什么问题？',
  followUpPositive: '有什么我们可以改进的吗？',
  reasonNotFound: '我没有找到需要的信息',
  reasonUnclear: '内容难以理解',
  reasonOutdated: '信息已过时或有误',
  reasonBroken: '有功能无法使用',
  commentLabel: '详细说明（选填）',
  privacyHint: '请勿填写姓名、电子邮件地址或电话号码等个人信息。发送前，我们会删除电子邮件地址、电话号码和较长的数字。',
  remaining: { other: '还可输入 {count} 个字符' },
  thanksHeading: '感谢您的反馈',
  thanksText: '我们会阅读每一条意见，以改进我们的服务。',
  open: '意见反馈',
  close: '关闭',
};

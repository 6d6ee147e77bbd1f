import type { PresetStrings } from '../presets.js';

export const strings: PresetStrings = {
  a11Satisfaction: '我对所获得的服务感到满意。',
  a11Trust: '这次办事经历增加了我对该机构的信任。',
  a11Effectiveness: '我的需求得到了解决。',
  a11Ease: '办理所需事项很容易。',
  a11Efficiency: '办理所需事项花费的时间合理。',
  a11Equity: '我受到了公平对待。',
  a11Employee: '为我服务的工作人员很有帮助。',
  agreeHint: '1 星表示非常不同意，5 星表示非常同意。',
};

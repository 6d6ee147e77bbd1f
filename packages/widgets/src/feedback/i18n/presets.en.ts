import type { PresetStrings } from '../presets.js';

export const strings: PresetStrings = {
  a11Satisfaction: 'I am satisfied with the service I received.',
  a11Trust: 'This interaction increased my trust in this agency.',
  a11Effectiveness: 'My need was addressed.',
  a11Ease: 'It was easy to complete what I needed to do.',
  a11Efficiency: 'It took a reasonable amount of time to do what I needed to do.',
  a11Equity: 'I was treated fairly.',
  a11Employee: 'Employees I interacted with were helpful.',
  agreeHint: '1 star means strongly disagree, 5 stars strongly agree.',
};

import type { PresetStrings } from '../presets.js';

export const strings: PresetStrings = {
  a11Satisfaction: 'Estoy satisfecho con el servicio recibido.',
  a11Trust: 'Esta gestión aumentó mi confianza en este organismo.',
  a11Effectiveness: 'Se atendió mi necesidad.',
  a11Ease: 'Fue fácil hacer lo que necesitaba.',
  a11Efficiency: 'Hacer lo que necesitaba llevó un tiempo razonable.',
  a11Equity: 'Recibí un trato justo.',
  a11Employee: 'El personal que me atendió fue de ayuda.',
  agreeHint: '1 estrella significa totalmente en desacuerdo; 5 estrellas, totalmente de acuerdo.',
};

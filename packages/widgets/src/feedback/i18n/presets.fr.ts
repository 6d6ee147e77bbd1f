import type { PresetStrings } from '../presets.js';

export const strings: PresetStrings = {
  a11Satisfaction: 'Je suis satisfait du service reçu.',
  a11Trust: 'Cet échange a renforcé ma confiance dans cette administration.',
  a11Effectiveness: 'Ma demande a été traitée.',
  a11Ease: 'Il a été facile de faire ce que j’avais à faire.',
  a11Efficiency: 'Faire ce que j’avais à faire a pris un temps raisonnable.',
  a11Equity: 'J’ai été traité équitablement.',
  a11Employee: 'Les agents avec qui j’ai échangé m’ont aidé.',
  agreeHint: '1 étoile signifie pas du tout d’accord, 5 étoiles tout à fait d’accord.',
};

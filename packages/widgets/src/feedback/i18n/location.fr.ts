import type { LocationStrings } from '../location.js';

export const strings: LocationStrings = {
  legend: 'Où se trouve le problème ?',
  hint: 'Utilisez votre position, ou saisissez une adresse ou un lieu. Ce lieu n’est envoyé qu’avec ce signalement.',
  use: 'Utiliser ma position',
  finding: 'Recherche de votre position…',
  added: 'Position ajoutée',
  denied: 'Votre position n’a pas été partagée. Saisissez plutôt une adresse ou un lieu.',
  unavailable: 'Votre position est introuvable. Saisissez plutôt une adresse ou un lieu.',
  address: 'Adresse ou lieu',
  required: 'Indiquez où se trouve le problème : utilisez votre position, ou saisissez une adresse ou un lieu.',
};

import type { LocationStrings } from '../location.js';

export const strings: LocationStrings = {
  legend: '¿Dónde está el problema?',
  hint: 'Use su ubicación, o escriba una dirección o un lugar. Solo se envía con este aviso.',
  use: 'Usar mi ubicación',
  finding: 'Buscando su ubicación…',
  added: 'Ubicación añadida',
  denied: 'No se compartió su ubicación. Escriba una dirección o un lugar.',
  unavailable: 'No se pudo encontrar su ubicación. Escriba una dirección o un lugar.',
  address: 'Dirección o lugar',
  required: 'Indique dónde está el problema: use su ubicación, o escriba una dirección o un lugar.',
};

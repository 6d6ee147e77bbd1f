import type { ReportStatusStrings } from '../report-status.strings.js';

export const strings: ReportStatusStrings = {
  loading: 'Consultando el aviso…',
  title: 'Aviso {reference}',
  open: 'Abierto: el ayuntamiento está en ello',
  closed: 'Cerrado',
  agency: 'Lo gestiona {agency}',
  expected: 'Previsto para el {date}',
  updated: 'Actualizado el {date}',
  notFound: 'Ningún aviso tiene esta referencia.',
  keep: 'Recordar este aviso en este dispositivo durante 90 días, para consultarlo más tarde',
};

import type { ReportStatusStrings } from '../report-status.strings.js';

export const strings: ReportStatusStrings = {
  loading: 'Vérification du signalement…',
  title: 'Signalement {reference}',
  open: 'Ouvert : la collectivité s’en occupe',
  closed: 'Clos',
  agency: 'Traité par {agency}',
  expected: 'Prévu d’ici le {date}',
  updated: 'Mis à jour le {date}',
  notFound: 'Aucun signalement ne porte cette référence.',
  keep: 'Garder ce signalement sur cet appareil pendant 90 jours, pour le suivre plus tard',
};

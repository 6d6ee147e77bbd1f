import type { CommonStrings } from './strings.js';

export const strings: CommonStrings = {
  loading: 'Cargando…',
  configError: 'Este formulario no está disponible en este momento.',
  loadFailed: 'No se pudo cargar el contenido. Compruebe su conexión e inténtelo de nuevo.',
  retry: 'Intentar de nuevo',
  errorSummaryTitle: 'Hay un problema',
  errorPrefix: 'Error:',
  required: 'Rellene «{label}»',
  requiredChoice: 'Marque «{label}»',
  invalidEmail: 'Escriba un correo electrónico válido, por ejemplo nombre@ejemplo.es',
  invalidFormat: '«{label}» no tiene el formato correcto',
  tooLong: '«{label}» debe tener como máximo {max} caracteres',
  tooShort: '«{label}» debe tener al menos {min} caracteres',
  invalid: 'Revise «{label}»',
  sending: 'Enviando…',
  queued:
    'Parece que no tiene conexión. Su envío se ha guardado en este dispositivo y se enviará cuando vuelva a estar en línea.',
  queuedUnsaved:
    'Parece que no tiene conexión. Mantenga esta página abierta: su envío se enviará cuando vuelva a estar en línea.',
  deliveredLater: 'Su envío guardado ya se ha enviado.',
  errorOffline: 'Parece que no tiene conexión. Compruébela e inténtelo de nuevo.',
  errorNetwork: 'No se pudo contactar con el servicio. Inténtelo de nuevo en un momento.',
  errorServer: 'El servicio no pudo atender su solicitud. Inténtelo más tarde.',
  errorRejected: 'Algunas respuestas no se aceptaron. Revíselas e inténtelo de nuevo.',
  errorInvalidResponse: 'El servicio dio una respuesta inesperada. Inténtelo más tarde.',
  opensInNewTab: '(se abre en una pestaña nueva)',
};

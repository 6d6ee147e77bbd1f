// Demo-page behaviour, kept out of inline scripts so the pages also work under a strict Content-Security-Policy.

// Language switcher: the widgets follow <html lang> when it changes.
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
    document.documentElement.dir = button.dataset.lang === 'ar' ? 'rtl' : 'ltr';
  });
}

// A council's own legal wording, per instance.
const custom = document.getElementById('custom-wording');
if (custom) {
  custom.strings = {
    petition: {
      consentLabel:
        'I agree that the City of Example Council may process my details as set out in its petitions privacy notice',
    },
  };
}

// What a page's analytics would listen to.
for (const type of ['civic-load', 'civic-submit', 'civic-success', 'civic-queued', 'civic-error']) {
  document.addEventListener(type, (event) => console.info(type, event.target.localName, event.detail));
}

// Demo-page behaviour, kept out of inline scripts so the pages also work under a strict Content-Security-Policy.

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

// <civic-rating> as a control of the page's own form: its value is in the FormData like a native input's.
const form = document.getElementById('own-form');
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  form.querySelector('output').textContent = `FormData: visit=${new FormData(form).get('visit')}`;
});

// What a page's analytics would listen to.
for (const type of ['civic-load', 'civic-submit', 'civic-success', 'civic-queued', 'civic-error']) {
  document.addEventListener(type, (event) => console.info(type, event.target.localName, event.detail));
}

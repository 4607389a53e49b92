// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    e.detail.headers[header.content] = token.content;
  }
});
// No inline handlers or styles (the Content-Security-Policy forbids them):
// - form[data-confirm] / button[data-confirm] ask before going on;
// - [data-width] (e.g. "12.500%") sets the element's width;
// - select[data-autosubmit] sends its form as soon as another option is chosen (the header's condominium selector).
(function () {
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (f instanceof HTMLFormElement && f.dataset.confirm && !confirm(f.dataset.confirm)) { e.preventDefault(); }
  });
  document.addEventListener('click', function (e) {
    var b = e.target instanceof Element ? e.target.closest('button[data-confirm]') : null;
    if (b && !confirm(b.dataset.confirm)) { e.preventDefault(); }
  });
  function widths(root) {
    root.querySelectorAll('[data-width]').forEach(function (el) {
      if (/^\d+(\.\d+)?%$/.test(el.dataset.width)) { el.style.width = el.dataset.width; }
    });
  }
  document.addEventListener('change', function (e) {
    var s = e.target;
    if (s instanceof HTMLSelectElement && s.hasAttribute('data-autosubmit') && s.form) { s.form.requestSubmit(); }
  });
  document.addEventListener('DOMContentLoaded', function () { widths(document); });
  document.addEventListener('htmx:afterSwap', function (e) { widths(e.target); });
})();

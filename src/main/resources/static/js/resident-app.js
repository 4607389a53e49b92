// The residents' app: registers the service worker (offline page, push notices).
if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/app/sw.js', {scope: '/app/'}).catch(function () { /* not installable here */ });
  });
}
// htmx requests carry the page's CSRF token (the forms carry their own)
document.addEventListener('htmx:configRequest', function (e) {
  var meta = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (meta && header) { e.detail.headers[header.content] = meta.content; }
});

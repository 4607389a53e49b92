// Ticking elapsed times on the board: every element with data-since (epoch millis) shows the time since then, written
// as the server writes durations (PtBr.duration): "45 s", "12 min", "2 h 05 min".
(function () {
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function duration(s) {
    var minutes = Math.floor(s / 60);
    if (minutes === 0) { return s + ' s'; }
    if (minutes < 60) { return minutes + ' min'; }
    return Math.floor(minutes / 60) + ' h ' + pad(minutes % 60) + ' min';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-since]').forEach(function (el) {
      var since = parseInt(el.getAttribute('data-since'), 10);
      if (!since) { return; }
      el.textContent = duration(Math.max(0, Math.floor((now - since) / 1000)));
    });
  }
  setInterval(tick, 1000);
  document.addEventListener('DOMContentLoaded', tick);
  document.addEventListener('htmx:afterSwap', tick);
})();

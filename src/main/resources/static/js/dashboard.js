// Ticking elapsed times on the board: every element with data-since (epoch millis) shows the time since then.
(function () {
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-since]').forEach(function (el) {
      var since = parseInt(el.getAttribute('data-since'), 10);
      if (!since) { return; }
      var s = Math.max(0, Math.floor((now - since) / 1000));
      var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
      el.textContent = (h > 0 ? h + 'h ' : '') + pad(m) + 'min ' + pad(sec) + 's';
    });
  }
  setInterval(tick, 1000);
  document.addEventListener('DOMContentLoaded', tick);
  document.addEventListener('htmx:afterSwap', tick);
})();

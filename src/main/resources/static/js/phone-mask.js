// Brazilian phone mask for inputs with data-phone-mask: (11) 98765-4321 / (11) 3456-7890. Numbers typed with
// +country code are left alone. The server stores E.164 whatever the format.
(function () {
  function mask(v) {
    if (v.trim().startsWith('+')) { return v; }
    var d = v.replace(/\D/g, '').slice(0, 11);
    if (d.length <= 2) { return d.length ? '(' + d : ''; }
    var ddd = d.slice(0, 2), rest = d.slice(2);
    if (rest.length <= 4) { return '(' + ddd + ') ' + rest; }
    var split = rest.length > 8 ? 5 : 4;
    return '(' + ddd + ') ' + rest.slice(0, split) + '-' + rest.slice(split);
  }
  document.addEventListener('input', function (e) {
    if (e.target.matches && e.target.matches('[data-phone-mask]')) { e.target.value = mask(e.target.value); }
  });
})();

// "Relatórios": uploads with a progress bar (XHR + CSRF header) and pt-BR errors that name the field as the form
// shows it.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload-form');
  if (!form) { return; }
  var bar = document.getElementById('upload-progress');
  var result = document.getElementById('upload-result');
  var submit = document.getElementById('upload-submit');
  function msg(key) { return form.dataset['msg' + key.charAt(0).toUpperCase() + key.slice(1)] || form.dataset.msgGeneric; }
  function show(kind, text) {
    result.className = 'alert alert-' + kind;
    result.textContent = text;
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = document.getElementById('u-file').files[0];
    if (file && file.size > Number(form.dataset.maxBytes)) { show('danger', msg('too_large')); return; }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { xhr.setRequestHeader(header.content, token.content); }
    xhr.setRequestHeader('Accept', 'application/json');
    bar.classList.remove('d-none');
    submit.disabled = true;
    xhr.upload.onprogress = function (p) {
      if (p.lengthComputable) {
        var pct = Math.round(100 * p.loaded / p.total);
        bar.firstElementChild.style.width = pct + '%';
        bar.firstElementChild.textContent = pct + '%';
      }
    };
    xhr.onload = function () {
      submit.disabled = false;
      if (xhr.status >= 200 && xhr.status < 300) {
        show('success', msg('ok'));
        setTimeout(function () { window.location.reload(); }, 600);
        return;
      }
      var reason = 'generic';
      var field = '';
      try { var body = JSON.parse(xhr.responseText); reason = (body.reason || 'generic').toLowerCase();
            field = body.errors && body.errors[0] ? body.errors[0].field : ''; } catch (ignored) { }
      if (xhr.status === 413) { reason = 'too_large'; }
      var fieldKey = field ? 'msgField' + field.charAt(0).toUpperCase() + field.slice(1) : '';
      if (reason === 'missing_field' && fieldKey && form.dataset[fieldKey]) {
        show('danger', form.dataset[fieldKey]);
      } else {
        show('danger', msg(reason));
      }
    };
    xhr.onerror = function () { submit.disabled = false; show('danger', msg('generic')); };
    xhr.send(new FormData(form));
  });
});

// "Indicadores": the month's cumulative kWh so far and the forecast with its 80 % band, from the page's JSON block
// (no inline script: Content-Security-Policy).
document.addEventListener('DOMContentLoaded', function () {
  var data = JSON.parse(document.getElementById('insights-data').textContent);
  var nf = new Intl.NumberFormat('pt-BR', {minimumFractionDigits: 1, maximumFractionDigits: 1});
  var tip = {callbacks: {label: function (ctx) { return ctx.dataset.label + ': ' + nf.format(ctx.parsed.y) + ' kWh'; }}};
  new Chart(document.getElementById('chart-forecast'), {type: 'line',
    data: {labels: data.days, datasets: [
      {label: 'Até agora', data: data.actual, borderColor: '#0d6efd', backgroundColor: '#0d6efd', tension: 0.1},
      {label: 'Previsão', data: data.forecast, borderColor: '#198754', borderDash: [6, 4], tension: 0.1},
      {label: 'Mínimo (80 %)', data: data.low, borderColor: 'rgba(25,135,84,0.3)', pointRadius: 0, fill: false},
      {label: 'Máximo (80 %)', data: data.high, borderColor: 'rgba(25,135,84,0.3)', pointRadius: 0,
        backgroundColor: 'rgba(25,135,84,0.12)', fill: '-1'}]},
    options: {spanGaps: false, plugins: {tooltip: tip}}});
});

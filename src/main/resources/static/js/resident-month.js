// The residents' app's month: kWh per day, drawn from the page's JSON data block (no inline script: CSP).
document.addEventListener('DOMContentLoaded', function () {
  var data = JSON.parse(document.getElementById('month-data').textContent);
  var nf = new Intl.NumberFormat('pt-BR', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  new Chart(document.getElementById('chart-days'), {type: 'bar',
    data: {labels: data.days, datasets: [{label: 'kWh', data: data.kwh, backgroundColor: '#198754'}]},
    options: {plugins: {legend: {display: false},
      tooltip: {callbacks: {label: function (ctx) { return nf.format(ctx.parsed.y) + ' kWh'; }}}}}});
});

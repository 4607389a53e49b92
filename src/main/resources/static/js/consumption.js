// "Consumo": the two charts, drawn from the page's JSON data block (no inline script: Content-Security-Policy).
document.addEventListener('DOMContentLoaded', function () {
  var data = JSON.parse(document.getElementById('consumption-data').textContent);
  var nf = new Intl.NumberFormat('pt-BR', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  var tip = {callbacks: {label: function (ctx) { return nf.format(ctx.parsed.y) + ' kWh'; }}};
  new Chart(document.getElementById('chart-apartments'), {type: 'bar',
    data: {labels: data.apartments, datasets: [{label: 'kWh', data: data.apartmentKwh, backgroundColor: '#198754'}]},
    options: {plugins: {legend: {display: false}, tooltip: tip}}});
  new Chart(document.getElementById('chart-days'), {type: 'line',
    data: {labels: data.days, datasets: [{label: 'kWh', data: data.dayKwh, borderColor: '#0d6efd', tension: 0.2}]},
    options: {plugins: {legend: {display: false}, tooltip: tip}}});
});

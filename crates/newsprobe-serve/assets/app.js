// The workbench's only script: clicking a change in a trace flashes both of its sides.
document.addEventListener('click', function (e) {
  var a = e.target.closest && e.target.closest('[data-flash]');
  if (!a) return;
  document.querySelectorAll('mark.flash').forEach(function (x) { x.classList.remove('flash'); });
  a.dataset.flash.split(' ').forEach(function (id) {
    var m = document.getElementById(id);
    if (m && m.classList.contains('anchor')) m = m.nextElementSibling;
    if (m) { m.classList.add('flash'); m.scrollIntoView({ behavior: 'smooth', block: 'center' }); }
  });
});

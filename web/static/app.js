// secstep — progressive enhancement only; every page works without it.
// Shows a busy state while a form is being sent, and prevents double sends.
document.addEventListener('submit', function (ev) {
  var f = ev.target;
  if (f.classList.contains('busy')) { ev.preventDefault(); return; }
  f.classList.add('busy');
  f.setAttribute('aria-busy', 'true');
});

// secstep — progressive enhancement only; every page works without it.
// Shows a busy state while a form is being sent, and prevents double sends.
document.addEventListener('submit', function (ev) {
  var f = ev.target;
  if (f.classList.contains('busy')) { ev.preventDefault(); return; }
  f.classList.add('busy');
  f.setAttribute('aria-busy', 'true');
});

// A form with a save bar (the plan's tasks, a part of the diagnosis) says
// when it has changes not saved yet.
document.addEventListener('change', function (ev) {
  var f = ev.target.form;
  var note = f && f.querySelector('.savebar [data-dirty]');
  if (!note) return;
  note.textContent = note.getAttribute('data-dirty');
  note.classList.add('dirty');
});

// On a phone the company menu scrolls sideways: show the current page's item.
(function () {
  var cur = document.querySelector('.company nav a[aria-current]');
  var nav = cur && cur.parentNode;
  if (nav && nav.scrollWidth > nav.clientWidth)
    nav.scrollLeft = cur.offsetLeft - nav.offsetLeft - (nav.clientWidth - cur.offsetWidth) / 2;
})();

/* Boot guard (issue 13 §10; docs/ARCHITECTURE.md "PWA"): if this version fails to start, say so and
   reload into a working one — never a white page. Plain classic script (CSP: no inline script). */
(function () {
  'use strict';
  var root = document.documentElement;
  var shown = false;
  var status;
  var reloading = false;

  function booted() {
    return root.hasAttribute('data-booted');
  }

  // An error thrown while starting, or the app's script failing to load (a missing stylesheet or image is
  // not a failed start).
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target !== window && target.tagName !== 'SCRIPT') return;
      if (!booted()) setTimeout(failed, 0);
    },
    true
  );
  // A backstop for a start that failed without an error event: module scripts run before `load`, so well
  // after it a page still unmarked and with nothing rendered did not start. (Never for a slow start that
  // shows something: replacing a working screen would be worse than waiting.)
  window.addEventListener('load', function () {
    setTimeout(function () {
      var app = document.getElementById('app');
      if (!booted() && (!app || !app.firstElementChild)) failed();
    }, 5000);
  });

  function say(text) {
    if (status) status.textContent = text;
  }

  function failed() {
    if (shown || booted()) return;
    shown = true;
    var app = document.getElementById('app') || document.body;
    while (app.firstChild) app.removeChild(app.firstChild);
    var box = document.createElement('main');
    box.id = 'boot-failed';
    box.style.cssText = 'max-width:36rem;margin:2rem auto;padding:0 1rem;font-family:system-ui,sans-serif;line-height:1.5';
    var h1 = document.createElement('h1');
    h1.tabIndex = -1;
    h1.textContent = 'Groundwork could not start';
    var p = document.createElement('p');
    p.textContent =
      'This version of Groundwork did not start on this device. Everything you have written is still kept here, untouched.';
    status = document.createElement('p');
    status.setAttribute('role', 'status');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn';
    button.style.minHeight = '44px';
    button.textContent = 'Try again';
    button.addEventListener('click', function () {
      look(true);
    });
    var ground = document.createElement('p');
    ground.textContent = 'While you wait, you could look around and name five things you can see.';
    box.appendChild(h1);
    box.appendChild(p);
    box.appendChild(status);
    box.appendChild(button);
    box.appendChild(ground);
    app.appendChild(box);
    h1.focus();

    look(false);
    // Keep looking while the page is open: every minute, when the connection returns, when shown again.
    setInterval(function () {
      look(false);
    }, 60000);
    window.addEventListener('online', function () {
      // A connection is often not fully usable the moment it comes back.
      setTimeout(function () {
        look(true);
      }, 1500);
    });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') look(false);
    });
  }

  function reload() {
    if (reloading) return;
    reloading = true;
    location.reload();
  }

  /** A newer service worker that has finished installing takes over, then the page reloads into it. */
  function takeOver(worker) {
    say('Found a working version. Opening it…');
    navigator.serviceWorker.addEventListener('controllerchange', reload);
    worker.postMessage({ type: 'SKIP_WAITING' });
  }

  function whenInstalled(worker) {
    if (worker.state === 'installed') return takeOver(worker);
    worker.addEventListener('statechange', function () {
      if (worker.state === 'installed') takeOver(worker);
      else if (worker.state === 'activated') reload();
      else if (worker.state === 'redundant') say(notYet());
    });
  }

  /**
   * Look for a version that works. `eager` (Try again, back online): with nothing newer to install, reload
   * anyway — a file that was missing may load now.
   */
  function look(eager) {
    if (reloading) return;
    say('Looking for a working version…');
    var sw = navigator.serviceWorker;
    if (!sw) return eager ? reload() : say(notYet());
    sw.getRegistration()
      .then(function (reg) {
        if (!reg) return eager ? reload() : say(notYet());
        if (reg.waiting) return takeOver(reg.waiting);
        return reg.update().then(function () {
          var next = reg.installing || reg.waiting;
          if (next) return whenInstalled(next);
          if (eager) return reload();
          say(notYet());
        });
      })
      .catch(function () {
        say(notYet());
      });
  }

  function notYet() {
    return 'No working version yet. This page keeps looking while it is open, and tries again when you are back online.';
  }
})();

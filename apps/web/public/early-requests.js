/* global window, location -- runs in the browser, as a classic script */
// Loaded by index.html before the app's JavaScript, and run before it: for a board address, the
// board's data and the session are asked for now, while the app's JavaScript is still loading,
// parsing and starting. The app's own requests for the same paths (the session check and
// app/preload.ts) then take these answers instead of asking again (src/lib/api-client.ts,
// takeEarly). Keep the paths in step with theirs; test/browser/work.test.ts fails on a request made
// twice. A separate file rather than inline, so the page never carries an inline script.
(function () {
  var board = /^\/projects\/([A-Za-z][A-Za-z0-9]{1,9})\/?$/.exec(location.pathname);
  if (!board || !window.fetch) return;
  var key = board[1].toUpperCase();
  var paths = ['/auth/session', '/organization', '/projects?archived=true', '/items?projectKey=' + key + '&sort=board&limit=1000'];
  var early = (window.__rytaskEarly = {});
  paths.forEach(function (path) {
    early[path] = fetch('/api/v1' + path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    // Whoever takes it sees a failure; until then it must not count as unhandled.
    early[path].catch(function () {});
  });
})();

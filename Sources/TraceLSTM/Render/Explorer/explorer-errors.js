// Runs first, outside the page's function: every uncaught error is kept where the tests (and
// a curious reader's console) can find it.
window.__explorerErrors = [];
window.addEventListener("error", function (e) { window.__explorerErrors.push(String(e.message)); });

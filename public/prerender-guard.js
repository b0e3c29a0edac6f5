// Runs in <head>, before the first paint. The page arrives with the built-in article pre-rendered
// in the default view. When the address asks for anything else (another article with ?src=,
// another view, a filter, a quote, embed options) or the page is framed or restoring after a
// crash, that copy is hidden until the app shows what was asked for, so the built-in article
// never flashes first. The app removes the class when it starts (src/main.rs).
(function () {
  var query = location.search.replace(/^\?/, "");
  var hash = location.hash.replace(/^#/, "");
  var framed = true;
  try { framed = window.top !== window.self; } catch (e) {}
  var restoring = false;
  try { restoring = sessionStorage.getItem("counterpoint:restore") !== null; } catch (e) {}
  if (query !== "" || (hash !== "" && hash !== "view=compare") || framed || restoring) {
    document.documentElement.classList.add("cp-wait");
  }
})();

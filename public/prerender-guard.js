// Runs in <head>, before the first paint. The page arrives with the built-in article pre-rendered
// in the default view twice: with the full chrome and with the embedded one. This picks the copy
// the address asks for: the embedded one for ?embed=1 or a framed page (with Pym's childId and
// parent_origin allowed), the full one otherwise. When the address asks for anything else
// (another article with ?src=, another view, a filter, a quote, a theme) or the page is restoring
// after a crash, both copies are hidden until the app shows what was asked for, so the built-in
// article never flashes first. The app removes both copies when it starts (src/main.rs).
//
// A hosted page with ?src= starts fetching that article here, while the app's code downloads,
// instead of after it has started; the app takes the response (src/browser/fetch.rs) and reports
// any failure itself.
(function () {
  var query = location.search.replace(/^\?/, "");
  var hash = location.hash.replace(/^#/, "");
  var framed = true;
  try { framed = window.top !== window.self; } catch (e) {}
  var restoring = false;
  try { restoring = sessionStorage.getItem("counterpoint:restore") !== null; } catch (e) {}
  var embed = framed, other = restoring || (hash !== "" && hash !== "view=compare");
  query.split("&").forEach(function (pair) {
    if (pair === "") return;
    var at = pair.indexOf("="), key = at < 0 ? pair : pair.slice(0, at), value = at < 0 ? "" : pair.slice(at + 1);
    if (key === "embed") embed = embed || /^(|1|true|yes|on)$/.test(value);
    else if (key !== "childId" && key !== "parent_origin") other = true;
  });
  var src = null;
  try { src = new URLSearchParams(location.search).get("src"); } catch (e) {}
  // The app sets counterpointEarlySrc to null once it fetches by itself.
  if (src && src.trim() && /^https?:$/.test(location.protocol) && !("counterpointEarlySrc" in window)) {
    try {
      var url = new URL(src, location.href);
      if (url.protocol === "http:" || url.protocol === "https:") {
        var abort = new AbortController();
        var response = fetch(url.href, { mode: "cors", signal: abort.signal });
        response.catch(function () {});
        window.counterpointEarlySrc = { url: url.href, response: response, abort: abort };
      }
    } catch (e) {}
  }
  var root = document.documentElement;
  if (other) root.classList.add("cp-wait");
  else if (embed) root.classList.add("cp-embed");
})();

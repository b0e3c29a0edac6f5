/* Counterpoint embed script: sizes every <iframe data-counterpoint> on the page to its content.
   It acts only on height messages sent by one of those frames. No dependencies. */
(function () {
  addEventListener("message", function (e) {
    var d = e.data, h = d && typeof d == "object" && d["counterpoint-height"], f, i, k;
    if (!h) return;
    f = document.querySelectorAll("iframe[data-counterpoint]");
    for (i = 0; i < f.length; i++)
      if (f[i].contentWindow === e.source)
        for (k in h) if (+h[k] > 0) f[i].style.height = Math.min(Math.ceil(h[k]), 20000) + "px";
  });
})();

// The embedding page's side of the postMessage API (see README, "postMessage API").
// A file rather than an inline script, so the example also runs under the hosted CSP.
(function () {
  var frame = document.getElementById("counterpoint");
  var app = new URL("./", location.href);
  // Only this page's origin may send the app articles.
  app.search = "embed=1&childId=example&parent_origin=" + encodeURIComponent(location.origin);
  frame.src = app.href;

  var log = document.getElementById("log");
  addEventListener("message", function (e) {
    if (e.source !== frame.contentWindow || !e.data || typeof e.data.type !== "string") return;
    log.textContent += JSON.stringify(e.data) + "\n";
  });

  var article = {
    format_version: 1,
    title: "Council splits over the budget",
    source: { name: "The Daily Ledger", url: "https://example.org/budget" },
    published: "2016-09-25",
    language: "en",
    body: [
      "\u201cWe will not cut a single school,\u201d Mayor Ana Diaz said on Monday.",
      "Councillor Bo Chen called the plan \u201ca fantasy\u201d and said the city would run out of money by spring."
    ],
    sides: [
      { id: "mayor", label: "Mayor's office", color: "#1f5fa8" },
      { id: "council", label: "Council opposition" }
    ],
    speakers: [
      { id: "diaz", name: "Ana Diaz", role: "Mayor", side: "mayor" },
      { id: "chen", name: "Bo Chen", role: "Councillor", side: "council" }
    ],
    topics: [
      { id: "schools", label: "Will schools be cut?" },
      { id: "money", label: "Can the city pay for it?" }
    ],
    quotes: [
      { id: "diaz-schools", speaker: "diaz", kind: "direct", topics: ["schools"], text: "We will not cut a single school" },
      { id: "chen-fantasy", speaker: "chen", kind: "partial", topics: ["money"], text: "a fantasy" },
      { id: "chen-money", speaker: "chen", kind: "paraphrase", topics: ["money"], text: "the city would run out of money by spring" }
    ]
  };
  document.getElementById("load").addEventListener("click", function () {
    frame.contentWindow.postMessage({ type: "counterpoint:load", article: article }, app.origin);
  });
})();

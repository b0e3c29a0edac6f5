//! Test articles shared by several suites.

use serde_json::{json, Value};

/// Strings that would run script or add markup if any field reached the page as HTML.
pub fn payloads() -> Vec<String> {
    let raw = [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=2\">",
        "<svg onload=\"window.__xss=3\"></svg>",
        "<svg><script>window.__xss=4</script></svg>",
        "</mark><img src=x onerror=window.__xss=5>",
        "</mark></p><script>window.__xss=6</script>",
        "\"><img src=x onerror=window.__xss=7>",
        "'><img src=x onerror=window.__xss=8>",
        "<iframe src=\"javascript:window.top.__xss=9\"></iframe>",
        "<a href=\"javascript:window.__xss=10\">click</a>",
        "javascript:window.__xss=11",
        "<body onload=window.__xss=12>",
        "<style>body{display:none}</style>",
        "<link rel=stylesheet href=//example.invalid/x.css>",
        "<object data=\"javascript:window.__xss=13\"></object>",
        "<embed src=\"javascript:window.__xss=14\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=15>",
        "<template><img src=x onerror=window.__xss=16></template>",
        "{{constructor.constructor('window.__xss=17')()}}",
        "${window.__xss=18}",
        "<details open ontoggle=window.__xss=19>",
        "<input autofocus onfocus=window.__xss=20>",
        "<video><source onerror=window.__xss=21></video>",
        "<audio src=x onerror=window.__xss=22>",
        "<marquee onstart=window.__xss=23>",
        "<div style=\"background:url(javascript:window.__xss=24)\">",
        "<base href=\"javascript:/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=25\">",
        "<form action=javascript:window.__xss=26><button>go</button></form>",
        "<isindex action=javascript:window.__xss=27 type=image>",
        "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=28>\">",
        "<![CDATA[<script>window.__xss=29</script>]]>",
        "<!--<img src=x onerror=window.__xss=30>-->",
        "<scr<script>ipt>window.__xss=31</scr</script>ipt>",
        "&lt;script&gt;window.__xss=32&lt;/script&gt;",
        "<img src=\"x\" onerror=\"&#119;indow.__xss=33\">",
        "<svg><animate onbegin=window.__xss=34 attributeName=x dur=1s>",
        "<svg><a xlink:href=\"javascript:window.__xss=35\"><text>x</text></a></svg>",
        "<x contenteditable onblur=window.__xss=36>",
        "<select autofocus onfocus=window.__xss=37>",
        "<textarea autofocus onfocus=window.__xss=38>",
        "<keygen autofocus onfocus=window.__xss=39>",
        "<img src=x:x onerror=window.__xss=40//",
        "\" onmouseover=\"window.__xss=41",
        "' onfocus='window.__xss=42' autofocus='",
        "data:text/html,<script>window.__xss=43</script>",
        "<script src=data:text/javascript,window.__xss=44></script>",
        "<div id=x tabindex=1 onfocusin=window.__xss=45></div>",
        "<img srcset=x onerror=window.__xss=46>",
        "<picture><source srcset=x><img onerror=window.__xss=47></picture>",
        "<dialog open onclose=window.__xss=48>",
        "<slot onslotchange=window.__xss=49>",
        "\u{202E}<img src=x onerror=window.__xss=50>",
        "red;background:url(//example.invalid/x)",
    ];
    raw.iter().map(|s| s.to_string()).collect()
}

/// An article with a payload in every field (title, source, sides, colours, speakers, roles, topics,
/// body, quotes), so that every place the app shows article text meets one.
pub fn hostile_article() -> Value {
    let p = payloads();
    let body: Vec<String> = p.chunks(6).map(|c| c.join(" said ")).collect();
    let sides: Vec<Value> =
        (0..3).map(|i| json!({ "id": format!("s{i}"), "label": p[i], "color": p[53 - i] })).collect();
    let speakers: Vec<Value> = (0..6)
        .map(|i| json!({ "id": format!("p{i}"), "name": p[i + 3], "role": p[i + 9], "side": format!("s{}", i % 3) }))
        .collect();
    let topics: Vec<Value> = (0..4).map(|i| json!({ "id": format!("t{i}"), "label": p[i + 15] })).collect();
    // Every payload is also quoted, so it passes through the highlighter's marks.
    let quotes: Vec<Value> = p
        .iter()
        .enumerate()
        .map(|(i, text)| json!({ "id": format!("q{i}"), "speaker": format!("p{}", i % 6), "kind": "direct", "topics": [format!("t{}", i % 4)], "text": text }))
        .collect();
    json!({
        "format_version": 1, "title": p[1], "language": "en",
        "source": { "name": p[2], "url": p[10] }, "published": p[19],
        "body": body, "sides": sides, "speakers": speakers, "topics": topics, "quotes": quotes
    })
}

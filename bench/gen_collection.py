#!/usr/bin/env python3
"""gen_collection.py N DIR: writes DIR/collection.json and N articles DIR/a0.json … (format v1), as N
outlets might report one event: 30 quotes each, drawn from 80 statements by 24 speakers on 3 sides
and 8 questions, a third of them reworded (a word swapped, dropped or added, or a sentence cut).
About 2,000 words of body per article. Deterministic."""
import json, os, random, sys

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
random.seed(11)
words = ("government council security peace talks ceasefire aid convoy city forces rebels army minister "
         "ambassador nations resolution attack civilians hospital border regional support opposition "
         "monitoring agreement humanitarian access weapons pressure dialogue responsibility").split()
glue = "the of and to in a is that for on with as was by at from it an be this are have has".split()
speakers = [{"id": f"p{i}", "name": f"{random.choice(['Ana','Bo','Cy','Dee','Eli','Fay'])} Speaker{i}", "side": f"s{i % 3}"} for i in range(24)]
def sentence():
    return " ".join(random.choice(words if k % 2 else glue) for k in range(14)).capitalize() + "."
statements = []
for i in range(80):
    statements.append({"speaker": i % 24, "topic": f"t{i % 8}", "text": " ".join(sentence() for _ in range(random.randint(1, 3)))})
def reword(text):
    w = text.split(" ")
    r = random.random()
    if r < 0.25: w[random.randrange(len(w))] = random.choice(words)
    elif r < 0.5: del w[random.randrange(1, len(w) - 1)]
    elif r < 0.75: w.insert(random.randrange(1, len(w)), random.choice(words))
    else:
        s = text.split(". ")
        return ". ".join(s[:-1]) + "." if len(s) > 1 else text
    return " ".join(w)
entries = []
for a in range(n):
    picked = random.sample(range(80), 30)
    body, quotes, used = [], [], set()
    for k, st in enumerate(picked):
        s = statements[st]
        text = reword(s["text"]) if random.random() < 0.33 else s["text"]
        text = text.rstrip(".")
        sp = speakers[s["speaker"]]
        body.append(f"{sentence()} {sentence()} \u201c{text},\u201d {sp['name']} said. {sentence()} {sentence()}")
        quotes.append({"id": f"a{a}q{k}", "speaker": sp["id"], "kind": "direct", "topics": [s["topic"]], "text": text})
        used.add(s["topic"])
    article = {
        "format_version": 1, "title": f"Outlet {a} on the summit", "source": {"name": f"Outlet {a}"}, "language": "en",
        "body": body,
        "sides": [{"id": f"s{i}", "label": f"Side {i}"} for i in range(3)],
        "speakers": speakers,
        "topics": [{"id": f"t{i}", "label": f"Question {i}"} for i in range(8) if f"t{i}" in used],
        "quotes": quotes,
    }
    with open(os.path.join(out, f"a{a}.json"), "w", encoding="utf-8") as f:
        json.dump(article, f, ensure_ascii=False)
    entries.append({"id": f"a{a}", "src": f"a{a}.json"})
collection = {
    "kind": "collection", "format_version": 1, "title": f"Scale test: {n} outlets",
    "sides": [{"id": f"s{i}", "label": f"Side {i}"} for i in range(3)],
    "topics": [{"id": f"t{i}", "label": f"Question {i}"} for i in range(8)],
    "articles": entries,
}
with open(os.path.join(out, "collection.json"), "w", encoding="utf-8") as f:
    json.dump(collection, f, ensure_ascii=False)

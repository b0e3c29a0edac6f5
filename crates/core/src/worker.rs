//! The messages between the app and its extraction worker, as plain data.
//!
//! The app never links the extractor: the authoring view posts the text to a Web Worker that
//! runs its own wasm module (`crates/worker`), and gets progress and the extracted draft back.
//! A request is posted as a two-element array, `[header JSON, text]`, so the text crosses as a
//! string without being escaped into JSON; replies are JSON strings. Cancelling terminates the
//! worker, so the worker needs no cancel message.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::collection::{self, Collection, Fetched};
use crate::coverage::Coverage;
use crate::draft::{Draft, DraftQuote};
use crate::tree::Node;
use crate::validate::{Diagnostic, Severity};

/// The ids of the offline single file's data blocks that carry the worker's glue (JavaScript)
/// and its wasm (gzip + base64), written by `counterpoint-site` and read by the app.
pub const INLINE_GLUE_ID: &str = "counterpoint-worker-glue";
pub const INLINE_WASM_ID: &str = "counterpoint-worker-wasm";
/// The same for the collections worker.
pub const INLINE_COLLECTIONS_GLUE_ID: &str = "counterpoint-collections-glue";
pub const INLINE_COLLECTIONS_WASM_ID: &str = "counterpoint-collections-wasm";

/// How many quotes one `Quotes` message carries: a few hundred kilobytes of JSON at most.
pub const QUOTES_PER_MESSAGE: usize = 500;

/// The replies that end an extraction: the quotes in pieces of at most [`QUOTES_PER_MESSAGE`],
/// then `Done` with the rest of the draft.
pub fn final_replies(job: u64, mut draft: Draft, ms: f64) -> Vec<WorkerReply> {
    let mut quotes = std::mem::take(&mut draft.quotes);
    let mut replies = Vec::with_capacity(quotes.len() / QUOTES_PER_MESSAGE + 2);
    while !quotes.is_empty() {
        let rest = quotes.split_off(quotes.len().min(QUOTES_PER_MESSAGE));
        replies.push(WorkerReply::Quotes { job, quotes });
        quotes = rest;
    }
    replies.push(WorkerReply::Done { job, draft, ms });
    replies
}

/// Puts a draft back together from [`final_replies`]: the quotes of the `Quotes` messages, in
/// order, then the draft of `Done`.
pub fn assemble(received: Vec<DraftQuote>, mut draft: Draft) -> Draft {
    let mut quotes = received;
    quotes.append(&mut draft.quotes);
    draft.quotes = quotes;
    draft
}

/// What the app asks; the text travels beside it (see the module doc).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractRequest {
    /// Echoed in every reply, so replies to a superseded request can be told apart.
    pub job: u64,
    /// Also take reported speech without quote marks.
    pub paraphrases: bool,
}

/// A request's header: what to do with the texts that travel beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WorkerRequest {
    /// `[header, text]`: extract quotes from the text.
    Extract(ExtractRequest),
    /// `[header, collection document, text…]`: open a collection and build its Coverage view.
    Collection(CollectionRequest),
}

/// Opening a collection, off the page's thread and out of the reader's wasm: validating every
/// article, matching statements and building the Coverage view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CollectionRequest {
    pub job: u64,
    /// Set when the texts are articles opened together, without a collection: its title.
    pub together: Option<String>,
    /// The name of each text (a `src` or a file name), and why it could not be had, if so. The
    /// texts that could be had follow the document, in this order.
    pub sources: Vec<(String, Option<String>)>,
    /// What is said of an article given by an address that is not among `sources`.
    pub unresolved: String,
}

/// An opened collection, as the page needs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenedCollection {
    pub title: String,
    /// Every outlet, in order; `article` when it opened.
    pub outlets: Vec<OpenedOutlet>,
    /// Every problem: the collection's own, then each article's.
    pub diagnostics: Vec<Diagnostic>,
    /// The collection with the opened articles inline, for the recent list. Empty once it has
    /// crossed to the page: then it is among `texts` ([`inline_json`](Self::inline_json)).
    pub inline_json: String,
    /// The Coverage view. Once it has crossed to the page its parts stay JSON until they are
    /// built: `Node::Later(i)` is [`view_part(i)`](Self::view_part).
    pub view: Node,
    /// The texts that crossed beside the header ([`WorkerReply::into_message`]): the inline copy,
    /// the articles that opened, the view's parts. Each is read when it is used.
    #[serde(skip)]
    pub texts: Texts,
}

/// The texts that travel beside a reply's header, as the receiver keeps them: natively a list
/// of strings; on the page, the message's own JavaScript strings, each copied into the app's
/// memory only when it is read, so that receiving a collection (some 4 MB of texts for 50
/// outlets) does not hold the page's thread while every text is copied.
#[derive(Clone, Default)]
pub struct Texts {
    len: usize,
    read: Option<Arc<dyn Fn(usize) -> Option<String> + Send + Sync>>,
}

impl Texts {
    /// `len` texts, the `i`th read by `read(i)`.
    pub fn new(len: usize, read: impl Fn(usize) -> Option<String> + Send + Sync + 'static) -> Texts {
        Texts { len, read: Some(Arc::new(read)) }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The `i`th text, if there is one.
    pub fn get(&self, i: usize) -> Option<String> {
        self.read.as_ref().filter(|_| i < self.len).and_then(|read| read(i))
    }
}

impl From<Vec<String>> for Texts {
    fn from(texts: Vec<String>) -> Texts {
        let texts = Arc::new(texts);
        Texts::new(texts.len(), move |i| texts.get(i).cloned())
    }
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Texts({})", self.len)
    }
}

/// Texts are equal when they read the same.
impl PartialEq for Texts {
    fn eq(&self, other: &Texts) -> bool {
        self.len == other.len && (0..self.len).all(|i| self.get(i) == other.get(i))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenedOutlet {
    pub id: String,
    pub name: String,
    /// The article's JSON when it opened. The page reads it with `validate::load_article`, which
    /// it has anyway, instead of a second way of reading an article from JSON.
    pub article: Option<String>,
    /// How many quotes the article has (0 when it did not open).
    #[serde(default)]
    pub quotes: usize,
}

impl OpenedCollection {
    pub fn outlet_index(&self, id: &str) -> Option<usize> {
        self.outlets.iter().position(|o| o.id == id)
    }

    /// How many quotes its articles that opened have in all.
    pub fn quotes(&self) -> usize {
        self.outlets.iter().map(|o| o.quotes).sum()
    }

    /// The collection with the opened articles inline (see `inline_json`).
    pub fn inline_json(&self) -> String {
        match self.inline_json.is_empty() {
            true => self.texts.get(0).unwrap_or_default(),
            false => self.inline_json.clone(),
        }
    }

    /// Outlet `o`'s article as JSON, when it opened.
    pub fn article_json(&self, o: usize) -> Option<String> {
        let article = self.outlets.get(o)?.article.as_ref()?;
        if !article.is_empty() {
            return Some(article.clone());
        }
        // Beside the header: after the inline copy, the articles that opened, in outlet order.
        let before = self.outlets[..o].iter().filter(|outlet| outlet.article.is_some()).count();
        self.texts.get(1 + before)
    }

    /// Reads the view's part `i` (`Node::Later(i)`), kept as JSON until now.
    pub fn view_part(&self, i: usize) -> Result<Node, String> {
        let first = 1 + self.outlets.iter().filter(|o| o.article.is_some()).count();
        let json = self.texts.get(first + i).ok_or_else(|| format!("the view has no part {i}"))?;
        serde_json::from_str(&json).map_err(|e| format!("part {i} of the view is unreadable: {e}"))
    }

    /// Reads every text at once, as the worker had them: the inline copy and the articles in
    /// place, the view whole, `texts` empty.
    pub fn read_texts(&mut self) -> Result<(), String> {
        let mut view = std::mem::replace(&mut self.view, Node::T(String::new()));
        let joined = view.join_parts_with(&|i| self.view_part(i));
        self.view = view;
        joined?;
        self.inline_json = self.inline_json();
        for o in 0..self.outlets.len() {
            let json = self.article_json(o);
            if let Some(article) = &mut self.outlets[o].article {
                *article = json.unwrap_or_default();
            }
        }
        self.texts = Texts::default();
        Ok(())
    }
}

/// Opens a collection for the page (`CollectionRequest`): `document` is the collection's JSON
/// (ignored when the texts are articles opened together), `texts` the texts that could be had,
/// in the order of `sources`. Fails with every problem when no article opens.
pub fn open_collection(
    request: &CollectionRequest,
    document: &str,
    texts: &[String],
) -> Result<OpenedCollection, Vec<Diagnostic>> {
    let mut available = texts.iter();
    let sources: Vec<(&str, Result<&str, &str>)> = request
        .sources
        .iter()
        .map(|(name, why)| match why {
            Some(why) => (name.as_str(), Err(why.as_str())),
            None => (name.as_str(), Ok(available.next().map_or("", String::as_str))),
        })
        .collect();
    let report = match &request.together {
        Some(title) => {
            let files: Vec<(String, Result<String, String>)> = sources
                .iter()
                .map(|(name, text)| ((*name).to_owned(), text.map(str::to_owned).map_err(str::to_owned)))
                .collect();
            collection::check_spec(&collection::from_files(title, &files))
        }
        None => collection::load_spec(document),
    };
    let Some(spec) = report.spec else {
        return Err(report.diagnostics);
    };
    let opened = Collection::open(&spec, |src| {
        // The source of that very name; else a file chosen as `rt.json` answers for `dir/rt.json`
        // (files carry no folder), but addresses fetched for it never stand in for another.
        let name = src.rsplit('/').next().unwrap_or(src);
        let exact = sources.iter().find(|(n, _)| *n == src);
        let by_name = || sources.iter().find(|(n, _)| !n.contains('/') && *n == name);
        match exact.or_else(by_name) {
            Some((_, Ok(text))) => Fetched::Text(text),
            Some((_, Err(why))) => Fetched::Failed((*why).to_owned()),
            None => Fetched::Failed(request.unresolved.clone()),
        }
    });
    let mut diagnostics = report.diagnostics;
    for outlet in &opened.outlets {
        diagnostics.extend(outlet.diagnostics.iter().cloned());
    }
    if opened.opened() == 0 {
        return Err(diagnostics);
    }
    diagnostics.sort_by_key(|d| d.severity != Severity::Error);
    let coverage = Coverage::new(&opened);
    Ok(OpenedCollection {
        title: opened.title.clone(),
        outlets: opened
            .outlets
            .iter()
            .map(|o| OpenedOutlet {
                id: o.id.clone(),
                name: o.name.clone(),
                article: o.article.as_ref().and_then(|a| serde_json::to_string(a).ok()),
                quotes: o.article.as_ref().map_or(0, |a| a.quotes.len()),
            })
            .collect(),
        diagnostics,
        inline_json: opened.to_inline_json(),
        view: crate::coverage_view::coverage_view(&opened, &coverage),
        texts: Texts::default(),
    })
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WorkerReply {
    /// The worker's module is compiled and it listens.
    Ready,
    /// How much of the text is done, from 0 to 1.
    Progress { job: u64, done: f64 },
    /// Some of the extracted draft's quotes, at most [`QUOTES_PER_MESSAGE`], in order. They come
    /// before `Done`, so that reading any one message never holds the page's thread for long.
    Quotes { job: u64, quotes: Vec<DraftQuote> },
    /// The extracted draft, without its text (the app has it) and without the quotes the
    /// `Quotes` messages before it carried, and the time the work took.
    Done { job: u64, draft: Draft, ms: f64 },
    /// A collection opened, or every problem that kept all its articles from opening.
    Collection { job: u64, result: Result<Box<OpenedCollection>, Vec<Diagnostic>> },
    /// A request the worker could not read.
    Failed { job: u64, message: String },
}

impl WorkerReply {
    /// The reply as it crosses to the page: a JSON header, and the texts that travel beside it.
    /// A collection's articles, its inline copy and the parts of its view travel beside the
    /// header, as strings of their own. Inside the JSON they would be escaped (the articles
    /// carried twice over) and all parsed at once on the page's thread, though the page reads an
    /// article only when it shows it, and a part of the view only when it builds it. In the
    /// header each article that opened is an empty string, `inline_json` is empty and the view
    /// keeps `Node::Later` for its parts; the texts are the inline copy, the articles in outlet
    /// order, then the view's parts.
    pub fn into_message(mut self) -> (String, Vec<String>) {
        let mut texts = Vec::new();
        if let WorkerReply::Collection { result: Ok(opened), .. } = &mut self {
            opened.read_texts().ok();
            texts.push(std::mem::take(&mut opened.inline_json));
            texts.extend(opened.outlets.iter_mut().filter_map(|o| o.article.as_mut().map(std::mem::take)));
            texts.extend(opened.view.split_parts());
        }
        // Plain data with string keys always serialises.
        (serde_json::to_string(&self).unwrap_or_default(), texts)
    }
}

/// The collections worker's replies as the page reads them: the variants of [`WorkerReply`] that
/// worker sends, under the same tags. The page that opens collections then links no reading of
/// drafts: the reader's wasm carries none (the `bundle::` browser test checks it).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CollectionReply {
    /// The worker's module is compiled and it listens.
    Ready,
    /// A collection opened, or every problem that kept all its articles from opening.
    Collection { job: u64, result: Result<Box<OpenedCollection>, Vec<Diagnostic>> },
    /// A request the worker could not read.
    Failed { job: u64, message: String },
}

/// A reply as the page reads it from a worker's message: [`WorkerReply`] from the extraction
/// worker, [`CollectionReply`] from the collections worker.
pub trait Reply: Sized + for<'de> Deserialize<'de> {
    /// The reply that says a job failed, for what went wrong on the page's side.
    fn failed(job: u64, message: String) -> Self;
    /// Whether the worker says it listens.
    fn is_ready(&self) -> bool;
    /// The opened collection this reply carries, which takes the texts beside the header.
    fn opened(&mut self) -> Option<&mut OpenedCollection>;

    /// Reads what [`WorkerReply::into_message`] made. A collection keeps the texts unread, in
    /// `texts`, and reads each when it is used: its inline copy
    /// ([`OpenedCollection::inline_json`]), an article ([`OpenedCollection::article_json`]), a
    /// part of its view ([`OpenedCollection::view_part`]).
    fn from_message(header: &str, texts: impl Into<Texts>) -> Result<Self, String> {
        let texts = texts.into();
        let mut reply: Self =
            serde_json::from_str(header).map_err(|e| format!("the worker sent an unreadable reply: {e}"))?;
        let mut wanted = 0;
        if let Some(opened) = reply.opened() {
            let articles = opened.outlets.iter().filter(|o| o.article.is_some()).count();
            wanted = 1 + articles + opened.view.later_parts();
            if texts.len() < wanted {
                return Err(format!("the worker's answer lacks texts: {wanted} were due"));
            }
            opened.texts = texts.clone();
        }
        match texts.len() - wanted {
            0 => Ok(reply),
            extra => Err(format!("the worker's answer has {extra} texts more than it says")),
        }
    }
}

impl Reply for WorkerReply {
    fn failed(job: u64, message: String) -> Self {
        WorkerReply::Failed { job, message }
    }

    fn is_ready(&self) -> bool {
        matches!(self, WorkerReply::Ready)
    }

    fn opened(&mut self) -> Option<&mut OpenedCollection> {
        match self {
            WorkerReply::Collection { result: Ok(opened), .. } => Some(opened),
            _ => None,
        }
    }
}

impl Reply for CollectionReply {
    fn failed(job: u64, message: String) -> Self {
        CollectionReply::Failed { job, message }
    }

    fn is_ready(&self) -> bool {
        matches!(self, CollectionReply::Ready)
    }

    fn opened(&mut self) -> Option<&mut OpenedCollection> {
        match self {
            CollectionReply::Collection { result: Ok(opened), .. } => Some(opened),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Articles opened together as `title`: each source's name, and why it could not be read.
    fn together(job: u64, title: &str, sources: &[(&str, Option<&str>)]) -> CollectionRequest {
        CollectionRequest {
            job,
            together: Some(title.to_owned()),
            sources: sources.iter().map(|(name, why)| ((*name).to_owned(), why.map(str::to_owned))).collect(),
            unresolved: "missing".to_owned(),
        }
    }

    #[test]
    fn a_collection_opens_with_its_view_or_fails_with_every_problem() {
        let seed = crate::seed::SEED_JSON.to_owned();
        // Articles opened together, one of them unreadable.
        let request = together(3, "Two files", &[("a.json", None), ("b.json", Some("the file could not be read"))]);
        let opened = open_collection(&request, "", std::slice::from_ref(&seed)).expect("one article opens");
        assert_eq!(opened.title, "Two files");
        assert_eq!(opened.outlets.len(), 2);
        assert!(opened.outlets[0].article.is_some() && opened.outlets[1].article.is_none());
        assert_eq!(opened.quotes(), crate::validate::load_article(&seed).article.unwrap().quotes.len());
        assert!(opened.diagnostics.iter().any(|d| d.to_string().contains("the file could not be read")));
        assert!(opened.view.text_content().contains("Articles that could not be opened"));
        // It crosses to the page, its articles beside the header, and comes back the same.
        let reply = WorkerReply::Collection { job: 3, result: Ok(Box::new(opened.clone())) };
        let (header, texts) = reply.clone().into_message();
        let mut skeleton = opened.view.clone();
        let parts = skeleton.split_parts();
        assert!(!parts.is_empty());
        assert_eq!(texts.len(), 2 + parts.len(), "the inline copy, the one article that opened, the view's parts");
        assert_eq!(texts[1], opened.outlets[0].article.clone().unwrap());
        assert!(!header.contains("Syria"), "no article text in the header: {header:.200}");
        let Ok(WorkerReply::Collection { job: 3, result: Ok(mut back) }) =
            WorkerReply::from_message(&header, texts.clone())
        else {
            panic!("the answer does not read back");
        };
        assert_eq!(back.view, skeleton, "the view's parts stay JSON until they are built");
        assert!((0..parts.len()).all(|i| back.view_part(i) == Node::read_part(&parts, i)));
        assert_eq!(back.article_json(0), opened.outlets[0].article);
        assert_eq!(back.article_json(1), None, "it did not open");
        back.read_texts().unwrap();
        assert_eq!(WorkerReply::Collection { job: 3, result: Ok(back) }, reply);
        // A message missing a text, or with one too many, is refused.
        assert!(WorkerReply::from_message(&header, texts[..1].to_vec()).unwrap_err().contains("lacks texts"));
        let mut more = texts.clone();
        more.push(String::new());
        assert!(WorkerReply::from_message(&header, more).unwrap_err().contains("1 texts more"));
        // The page reads the collections worker's replies as `CollectionReply`, the same way.
        let Ok(CollectionReply::Collection { job: 3, result: Ok(mut page) }) =
            CollectionReply::from_message(&header, texts)
        else {
            panic!("the page does not read the collection");
        };
        page.read_texts().unwrap();
        assert_eq!(WorkerReply::Collection { job: 3, result: Ok(page) }, reply);
        for (sent, read) in [
            (WorkerReply::Ready, CollectionReply::Ready),
            (WorkerReply::failed(7, "bad".to_owned()), CollectionReply::failed(7, "bad".to_owned())),
        ] {
            let (header, texts) = sent.into_message();
            assert_eq!(CollectionReply::from_message(&header, texts), Ok(read));
        }
        // An extraction's reply is not one of them.
        let (header, texts) = WorkerReply::Progress { job: 1, done: 0.5 }.into_message();
        assert!(CollectionReply::from_message(&header, texts).is_err());
        // A collection whose articles are all missing fails with each problem.
        let document = r#"{"kind":"collection","format_version":1,"title":"T","sides":[{"id":"a","label":"A"}],
            "articles":[{"id":"x","src":"x.json"}]}"#;
        let request =
            CollectionRequest { job: 4, together: None, sources: Vec::new(), unresolved: "not given".to_owned() };
        let errors = open_collection(&request, document, &[]).expect_err("nothing opens");
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["$.articles[0].src: error: could not open \"x.json\": not given"]
        );
        // A broken document says where.
        let errors = open_collection(&request, "{", &[]).expect_err("broken JSON");
        assert!(errors[0].to_string().starts_with("1:1: error: invalid JSON"), "{}", errors[0]);
    }

    #[test]
    fn the_page_reads_a_text_of_the_answer_only_when_it_uses_it() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Mutex;
        let seed = crate::seed::SEED_JSON.to_owned();
        let request = together(5, "Three", &[("a.json", None), ("b.json", None), ("c.json", None)]);
        let opened = open_collection(&request, "", &[seed.clone(), seed.clone(), seed]).unwrap();
        let reply = WorkerReply::Collection { job: 5, result: Ok(Box::new(opened.clone())) };
        let (header, texts) = reply.into_message();
        // As the page keeps them: every read is counted and logged.
        let count = texts.len();
        let reads = Arc::new(AtomicUsize::new(0));
        let which = Arc::new(Mutex::new(Vec::new()));
        let lazy = {
            let (reads, which) = (reads.clone(), which.clone());
            Texts::new(count, move |i| {
                reads.fetch_add(1, Ordering::Relaxed);
                which.lock().unwrap().push(i);
                texts.get(i).cloned()
            })
        };
        let Ok(WorkerReply::Collection { result: Ok(back), .. }) = WorkerReply::from_message(&header, lazy) else {
            panic!("the answer does not read back");
        };
        assert_eq!(reads.load(Ordering::Relaxed), 0, "receiving the answer reads none of its texts");
        // The third outlet's article is the fourth text: after the inline copy and two articles.
        assert_eq!(back.article_json(2), opened.outlets[2].article);
        assert_eq!(*which.lock().unwrap(), [3]);
        assert_eq!(back.inline_json(), opened.inline_json);
        assert!(back.view_part(0).is_ok());
        assert_eq!(*which.lock().unwrap(), [3, 0, 4], "one text for each use, and nothing else");
        assert!(back.view_part(count).unwrap_err().contains("has no part"));
    }

    #[test]
    fn replies_round_trip_through_messages() {
        let draft = Draft { title: "T".to_owned(), ..Draft::default() };
        for reply in [
            WorkerReply::Ready,
            WorkerReply::Progress { job: 3, done: 0.5 },
            WorkerReply::Done { job: 3, draft, ms: 12.5 },
            WorkerReply::Failed { job: 4, message: "bad".to_owned() },
        ] {
            let (header, texts) = reply.clone().into_message();
            assert!(texts.is_empty());
            assert_eq!(WorkerReply::from_message(&header, texts), Ok(reply));
        }
        assert!(WorkerReply::from_message("{}", Vec::new()).is_err());
    }

    #[test]
    fn a_large_result_travels_in_small_pieces_and_comes_back_whole() {
        let quote = |i: usize| DraftQuote {
            id: format!("q{i}"),
            start: i,
            end: i + 1,
            kind: crate::model::QuoteKind::Direct,
            speaker: "s".to_owned(),
            side: None,
            topics: Vec::new(),
            gaps: Vec::new(),
            speaker_edited: false,
            span_edited: false,
        };
        for count in [0, 1, QUOTES_PER_MESSAGE, QUOTES_PER_MESSAGE + 1, 3 * QUOTES_PER_MESSAGE + 7] {
            let draft = Draft { title: "T".to_owned(), quotes: (0..count).map(quote).collect(), ..Draft::default() };
            let replies = final_replies(9, draft.clone(), 1.5);
            assert_eq!(replies.len(), count.div_ceil(QUOTES_PER_MESSAGE) + 1, "{count} quotes");
            let mut received = Vec::new();
            let mut done = None;
            for reply in replies {
                // Each piece goes through a message, as it does between the worker and the page.
                let (header, texts) = reply.into_message();
                match WorkerReply::from_message(&header, texts).unwrap() {
                    WorkerReply::Quotes { job: 9, quotes } => {
                        assert!(!quotes.is_empty() && quotes.len() <= QUOTES_PER_MESSAGE);
                        assert!(done.is_none(), "quotes after Done");
                        received.extend(quotes);
                    }
                    WorkerReply::Done { job: 9, draft, .. } => done = Some(draft),
                    other => panic!("unexpected reply {other:?}"),
                }
            }
            assert_eq!(assemble(received, done.expect("no Done")), draft, "{count} quotes");
        }
    }

    #[test]
    fn requests_read_back() {
        let request = ExtractRequest { job: 7, paraphrases: true };
        let json = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<ExtractRequest>(&json).unwrap(), request);
    }
}

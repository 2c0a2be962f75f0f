//! The pipeline: every stage, in the order it runs.
//!
//! ```text
//! RawArticle ─ read ─▶ Document ─ segment ─ language ─ entities ─ quotes ─ framing ─▶ Report
//!   (newsprobe-read)   (newsprobe-html for HTML)       (each stage annotates the Document)
//! ```
//!
//! Each stage reads the document and what earlier stages added: quotes resolve speakers through
//! the entities' mention clusters; framing needs the quotes to tell the outlet's voice from a
//! speaker's.

use newsprobe_core::{
    Content, Document, Finding, Metadata, RawArticle, Report, Severity, SourceInfo,
};
use newsprobe_entities::KnowledgeBase;
use newsprobe_framing::Models;
use thiserror::Error;

/// What [`Engine::read_parts`] reads: a plain text or an HTML page (borrowed).
enum Body<'a> {
    Text(String),
    Html(&'a [u8], Option<&'a str>),
}

/// Why one article could not be analysed.
#[derive(Debug, Error)]
pub enum AnalyzeError {
    #[error(transparent)]
    Html(#[from] newsprobe_html::HtmlError),
    #[error("no text and no title")]
    Empty,
}

/// The analysis engine: models and knowledge base, loaded once, shared by all threads.
#[derive(Debug, Default)]
pub struct Engine {
    pub models: Models,
    pub kb: Option<KnowledgeBase>,
}

impl Engine {
    /// An engine with the bundled models and an optional knowledge base.
    pub fn new(kb: Option<KnowledgeBase>) -> Self {
        Engine {
            models: Models::bundled(),
            kb,
        }
    }

    /// Reads the article into a segmented [`Document`] (extraction for HTML, metadata merged,
    /// language identified), without the analysis stages.
    pub fn read(&self, raw: RawArticle) -> Result<Document, AnalyzeError> {
        let RawArticle {
            id,
            path,
            line: _,
            url,
            site,
            published,
            title,
            content,
        } = raw;
        let source = SourceInfo { id, path, url };
        match content {
            Content::Text(text) => {
                self.read_parts(source, title, published, site, Body::Text(text))
            }
            Content::Html { bytes, charset } => self.read_parts(
                source,
                title,
                published,
                site,
                Body::Html(&bytes, charset.as_deref()),
            ),
        }
    }

    /// [`Self::read`] of an HTML page the caller keeps: `bytes` are borrowed, not copied into
    /// a [`RawArticle`] (a batch that holds pages in memory, such as the pipeline bench, reads
    /// each page where it lies). The id and path are `id`; the report is the one
    /// [`Self::read`] makes of `RawArticle::from_file(id, Content::Html { bytes, charset })`.
    pub fn read_html(
        &self,
        id: &str,
        bytes: &[u8],
        charset: Option<&str>,
    ) -> Result<Document, AnalyzeError> {
        let source = SourceInfo {
            id: id.to_string(),
            path: Some(id.to_string()),
            url: None,
        };
        self.read_parts(source, None, None, None, Body::Html(bytes, charset))
    }

    /// [`Self::analyze`] of an HTML page the caller keeps (see [`Self::read_html`]).
    pub fn analyze_html(
        &self,
        id: &str,
        bytes: &[u8],
        charset: Option<&str>,
    ) -> Result<Document, AnalyzeError> {
        let mut doc = self.read_html(id, bytes, charset)?;
        self.annotate(&mut doc);
        Ok(doc)
    }

    /// The rest of [`Self::read`].
    fn read_parts(
        &self,
        source: SourceInfo,
        title: Option<String>,
        published: Option<String>,
        site: Option<String>,
        body: Body<'_>,
    ) -> Result<Document, AnalyzeError> {
        let SourceInfo { id, path, url } = source;
        let mut metadata = Metadata {
            title,
            published,
            site,
            ..Default::default()
        };
        let mut url = url;
        let text = match body {
            Body::Text(text) => text,
            Body::Html(bytes, charset) => {
                let page = newsprobe_html::extract(bytes, charset, url.as_deref())?;
                // A record's own fields win over what the page says of itself.
                metadata.title = metadata.title.or(page.title);
                metadata.published = metadata.published.or(page.published);
                metadata.site = metadata.site.or(page.site);
                metadata.byline = page.byline;
                metadata.language = page.language;
                url = url.or(page.url);
                page.text
            }
        };
        metadata.title = metadata
            .title
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        if text.trim().is_empty() && metadata.title.is_none() {
            return Err(AnalyzeError::Empty);
        }
        let (text, cut_from) = cap_text(text);
        let mut doc = Document::new(SourceInfo { id, path, url }, metadata, text);
        let declared_primary = doc
            .metadata
            .language
            .as_deref()
            .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase());
        // (The fast path settles plain English; whatlang, ~0.13 ms, the rest: it finds the
        // English of pages that declare `de` where the fast path cannot.)
        let detected = detect_language_for(&doc.text, doc.title(), declared_primary.as_deref());
        // English-only stages follow the text's own language where it can be told (pages
        // declare `lang="de"` over English text), else the page's declared one.
        doc.english = match detected.as_deref().or(doc.metadata.language.as_deref()) {
            Some(lang) => lang == "en",
            None => true,
        };
        // The page's declared language stands, unless the text plainly says English where the
        // page declares another, or another where it declares English (template `lang`
        // attributes: Business Insider's German edition declares `de` over English articles).
        match (detected, declared_primary.as_deref()) {
            (detected, None) => doc.metadata.language = detected,
            (Some(d), Some(p)) if d != p && (d == "en" || p == "en") => {
                doc.metadata.language = Some(d)
            }
            _ => {}
        }
        if let Some(full) = cut_from {
            doc.findings.push(truncated_finding(&doc, full));
        }
        Ok(doc)
    }

    /// The entity stage alone over a read document (as [`Self::annotate`] runs it).
    pub fn entities(&self, doc: &mut Document) {
        newsprobe_entities::annotate(doc, self.kb.as_ref());
    }

    /// Runs every analysis stage over a read document.
    pub fn annotate(&self, doc: &mut Document) {
        newsprobe_entities::annotate(doc, self.kb.as_ref());
        newsprobe_quotes::annotate(doc);
        newsprobe_framing::annotate(doc, &self.models);
    }

    /// Reads and analyses one article.
    pub fn analyze(&self, raw: RawArticle) -> Result<Document, AnalyzeError> {
        let mut doc = self.read(raw)?;
        self.annotate(&mut doc);
        Ok(doc)
    }

    /// Reads and analyses one article into the contract's report.
    pub fn report(&self, raw: RawArticle) -> Result<Report, AnalyzeError> {
        Ok(Report::from_document(&self.analyze(raw)?))
    }
}

/// The most text one article is analysed over, in bytes (16 MiB, some 2.5 million words: ten
/// times the longest hearing transcript or live blog). Analysis is linear in the length, but
/// its annotations take some 50 bytes of memory per byte of text; past this, a hostile page
/// (tens of MB of generated paragraphs) would need gigabytes. Longer text is cut at the last
/// paragraph break before the cap, and the report says so (a `truncated` finding).
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// The text cut to [`MAX_TEXT_BYTES`] at a paragraph break (else a line break, else a
/// character boundary), and the length it had when it was cut.
fn cap_text(mut text: String) -> (String, Option<usize>) {
    if text.len() <= MAX_TEXT_BYTES {
        return (text, None);
    }
    let full = text.len();
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    // (Only breaks in the last quarter: a cut that keeps most of the allowance.)
    let floor = end / 4 * 3;
    let cut = head
        .rfind("\n\n")
        .filter(|&i| i >= floor)
        .or_else(|| head.rfind('\n').filter(|&i| i >= floor))
        .unwrap_or(end);
    text.truncate(cut);
    text.shrink_to_fit();
    (text, Some(full))
}

/// The finding that says the text was cut, with the last sentence analysed as its evidence.
fn truncated_finding(doc: &Document, full: usize) -> Finding {
    let mb = |n: usize| n as f64 / 1e6;
    Finding {
        kind: "truncated".into(),
        severity: Severity::Warning,
        message: format!(
            "the article's text is {:.1} MB; only its first {:.1} MB were analysed (the limit \
             is {} MiB), so nothing after this point is in the report",
            mb(full),
            mb(doc.text.len()),
            MAX_TEXT_BYTES >> 20
        ),
        evidence: doc.sentences.last().map(|s| s.span).into_iter().collect(),
        rule: "pipeline.max_text_bytes".into(),
        score: 1.0,
        signal: false,
    }
}

/// ISO 639-1 code of the text's language: whatlang over the title and the first 800 bytes of
/// the body, after a fast path for plainly English text (whatlang costs ~0.13 ms an article,
/// a tenth of the whole analysis; English function words settle most news in microseconds).
pub fn detect_language(text: &str, title: &str) -> Option<String> {
    detect_language_for(text, title, None)
}

/// [`detect_language`] for a page that declares the (primary) language `declared`. Where the
/// declared language settles what whatlang would be asked (~0.8 M instructions a page, mostly
/// its trigram profiles of every Latin-script language, whatever the sample's length), it is
/// not asked:
/// - a page declaring another language than English, written not in Latin script: whatlang can
///   only answer a language other than English, and the reader keeps the declared language and
///   leaves the English-only stages out for any such answer as for none (Cyrillic's trigram
///   comparison cost most of whatlang's time); the answer is None;
/// - the same in Latin script with hardly any of English's commonest function words (fewer
///   than one word in 25; English prose has a quarter to a third): not English, None again;
/// - a page declaring English with at least one such word in ten (other languages have a few
///   percent): English, as the page says.
fn detect_language_for(text: &str, title: &str, declared: Option<&str>) -> Option<String> {
    let sample = language_sample(text, title)?;
    let (words, hits) = english_function_words(&sample);
    if words >= 12 && hits * 6 >= words {
        return Some("en".to_string());
    }
    match declared {
        Some("en") if words >= 12 && hits * 10 >= words => return Some("en".to_string()),
        Some(d)
            if d != "en"
                && (whatlang::detect_script(&sample) != Some(whatlang::Script::Latin)
                    || (words >= 12 && hits * 25 < words)) =>
        {
            return None;
        }
        _ => {}
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && sample.len() > 200 {
        return None;
    }
    iso639_1(info.lang().code()).map(str::to_string)
}

/// The title and the first 800 bytes of the body, where language is told; None when too short.
fn language_sample(text: &str, title: &str) -> Option<String> {
    let mut end = text.len().min(800);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = format!("{title}\n{}", &text[..end]);
    (sample.trim().len() >= 20).then_some(sample)
}

/// Whether at least one word in six is one of English's commonest function words. In running
/// English these make up a quarter to a third of the words; in other languages written in Latin
/// script the few that are also words there ("to" in Polish, "is" and "was" in Dutch, "at" and
/// "for" in Danish, "on" in French) come to a few percent.
#[cfg(test)]
fn looks_english(sample: &str) -> bool {
    let (words, hits) = english_function_words(sample);
    words >= 12 && hits * 6 >= words
}

/// One of English's commonest function words, as written ("The" and "the").
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "and"
            | "of"
            | "that"
            | "with"
            | "from"
            | "which"
            | "said"
            | "their"
            | "its"
            | "has"
            | "have"
            | "been"
            | "were"
            | "would"
            | "this"
            | "after"
            | "but"
            | "by"
            | "will"
            | "was"
            | "is"
            | "it"
            | "to"
            | "for"
            | "at"
            | "on"
            | "he"
            | "they"
            | "his"
            | "who"
            | "not"
            | "are"
    )
}

/// The words of `sample` and how many of them are English's commonest function words. (A byte
/// loop telling ASCII letters by byte was measured in session 21: −0.4 M instructions a pass,
/// the noise of code layout; not kept.)
fn english_function_words(sample: &str) -> (usize, usize) {
    let (mut words, mut hits) = (0usize, 0usize);
    for w in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if is_function_word(w) {
            hits += 1;
        }
    }
    (words, hits)
}

fn iso639_1(code3: &str) -> Option<&'static str> {
    Some(match code3 {
        "eng" => "en",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "no",
        "fin" => "fi",
        "ces" => "cs",
        "slk" => "sk",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "bul" => "bg",
        "ron" => "ro",
        "hun" => "hu",
        "ell" => "el",
        "tur" => "tr",
        "ara" => "ar",
        "heb" => "he",
        "pes" => "fa",
        "hin" => "hi",
        "ben" => "bn",
        "urd" => "ur",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "vie" => "vi",
        "tha" => "th",
        "ind" => "id",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "bel" => "be",
        "kat" => "ka",
        "hye" => "hy",
        "aze" => "az",
        "kaz" => "kk",
        "cat" => "ca",
        "afr" => "af",
        "epo" => "eo",
        "lat" => "la",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_borrowed_page_reads_as_the_same_page_handed_over() {
        let page = "<html><head><title>Port strike ends</title></head><body><article>\
            <h1>Port strike ends</h1><p>The dockers' union said on Tuesday that “the deal \
            gives us what we asked for”, and work resumed at the harbour.</p></article></body></html>";
        let engine = Engine::default();
        let handed = engine
            .analyze(RawArticle::from_file(
                "pages/port.html",
                Content::Html {
                    bytes: page.as_bytes().to_vec(),
                    charset: None,
                },
            ))
            .expect("analysed");
        let borrowed = engine
            .analyze_html("pages/port.html", page.as_bytes(), None)
            .expect("analysed");
        let json = |d: &Document| serde_json::to_string(&Report::from_document(d)).unwrap();
        assert_eq!(json(&handed), json(&borrowed));
        assert!(json(&borrowed).contains("the deal gives us what we asked for"));
    }

    #[test]
    fn text_past_the_cap_is_cut_at_a_paragraph_break_and_the_report_says_so() {
        let para = "The committee heard a witness say “the ledger was altered” in 2019.\n\n";
        let long = para.repeat(MAX_TEXT_BYTES / para.len() + 10);
        let (cut, full) = cap_text(long.clone());
        assert_eq!(full, Some(long.len()));
        assert!(cut.len() <= MAX_TEXT_BYTES && cut.len() > MAX_TEXT_BYTES - para.len());
        assert!(cut.ends_with("in 2019."), "cut at a paragraph break");
        let (short, none) = cap_text(para.to_string());
        assert_eq!((short.as_str(), none), (para, None));

        let doc = Document::from_text(Some("Hearing"), para);
        let f = truncated_finding(&doc, long.len());
        assert_eq!(f.kind, "truncated");
        assert!(f.message.contains("only its first"), "{}", f.message);
        assert_eq!(f.evidence.len(), 1);
    }

    #[test]
    fn text_with_no_break_is_cut_on_a_character_boundary() {
        let long = "é".repeat(MAX_TEXT_BYTES / 2 + 3);
        let (cut, full) = cap_text(long);
        assert!(full.is_some());
        assert!(cut.len() <= MAX_TEXT_BYTES && cut.len() >= MAX_TEXT_BYTES - 1);
        assert!(cut.chars().all(|c| c == 'é'));
    }

    /// A page declaring Russian or Korean in Cyrillic or Hangul is not asked of whatlang (it
    /// could only answer another language than English, which changes nothing), nor one
    /// declaring German in Latin script without English's function words; Latin-script text
    /// declared German with a few of them still is (it may be English), and so is any text
    /// declaring nothing.
    #[test]
    fn whatlang_is_not_asked_where_its_answer_cannot_matter() {
        let ru = "Посол заявил в пятницу, что альянс готовится к долгой и дорогостоящей войне с Россией.";
        assert_eq!(detect_language_for(ru, "", Some("ru")), None);
        assert_eq!(
            detect_language_for(ru, "", Some("en")).as_deref(),
            Some("ru")
        );
        assert_eq!(detect_language_for(ru, "", None).as_deref(), Some("ru"));
        let ko = "대사는 금요일에 동맹이 길고 값비싼 전쟁을 준비하고 있다고 말했다고 전했다.";
        assert_eq!(detect_language_for(ko, "", Some("ko")), None);
        let de = "Der Botschafter sagte am Freitag, dass das Bündnis sich auf einen langen und \
                  teuren Krieg vorbereite.";
        assert_eq!(detect_language_for(de, "", Some("de")), None);
        assert_eq!(detect_language_for(de, "", None).as_deref(), Some("de"));
        // Headline English under the fast path's one word in six: whatlang tells it.
        let en = "Shares plunge as Home Depot sales miss forecasts; analysts cut targets for \
                  retailer amid weak housing demand and the rising costs";
        assert!(!looks_english(en));
        assert_eq!(
            detect_language_for(en, "", Some("de")).as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language_for(en, "", Some("en")).as_deref(),
            Some("en")
        );
    }

    #[test]
    fn language_of_english_and_russian() {
        let en = "The ambassador said on Friday that the alliance was preparing for a long and costly war.";
        assert_eq!(detect_language(en, "").as_deref(), Some("en"));
        let de = "Der Botschafter sagte am Freitag, dass das Bündnis sich auf einen langen und teuren Krieg vorbereite.";
        assert_eq!(detect_language(de, "").as_deref(), Some("de"));
        let ru = "Посол заявил в пятницу, что альянс готовится к долгой и дорогостоящей войне с Россией.";
        assert_eq!(detect_language(ru, "").as_deref(), Some("ru"));
    }

    #[test]
    fn english_fast_path_leaves_other_latin_script_languages_to_whatlang() {
        let english = "The minister said on Tuesday that the government would not comment on the \
                       report, which was published by a committee of the parliament.";
        assert!(looks_english(english));
        // Languages where some of the listed words are words too.
        for (text, code) in [
            ("De minister zei dinsdag dat het rapport van de commissie is gepubliceerd en dat \
              het kabinet er was niet blij mee, maar het is nog te vroeg voor een besluit.", "nl"),
            ("Minister powiedział we wtorek, że to nie jest dobry pomysł i że rząd nie będzie \
              komentował raportu, który on sam zamówił w zeszłym roku u ekspertów.", "pl"),
            ("Ministeren sagde tirsdag, at regeringen ikke vil kommentere rapporten, som blev \
              offentliggjort af et udvalg for at give borgerne et bedre overblik over sagen.", "da"),
            ("Le ministre a déclaré mardi que le gouvernement ne commenterait pas le rapport, \
              qui a été publié par une commission, et on ne sait pas encore quand il agira.", "fr"),
            ("Der Minister sagte am Dienstag, dass die Regierung den Bericht nicht kommentieren \
              will, was die Opposition scharf kritisierte, weil er im Parlament vorgestellt wurde.", "de"),
        ] {
            assert!(!looks_english(text), "{code} taken for English");
            assert_eq!(detect_language(text, "").as_deref(), Some(code));
        }
    }

    #[test]
    fn framing_and_sourcing_findings_are_english_only() {
        let engine = Engine::default();
        // Portuguese: "clique" (click) is no clique, and English-trained models read nothing.
        let pt = engine
            .analyze(RawArticle::from_text(
                "pt",
                Some("Clique aqui: a incrível loja secreta que todos querem".into()),
                "Clique aqui para ver a incrível loja de materiais educativos. Segundo fontes, \
                 o professor apresentou um vídeo sensacional sobre a alfabetização das crianças, \
                 e os pais disseram que a escola é uma vergonha total para a cidade.",
            ))
            .unwrap();
        assert!(!pt.english);
        assert!(pt.framing.spans.is_empty(), "{:?}", pt.framing.spans);
        assert!(pt.findings.is_empty(), "{:?}", pt.findings);
        // An English page that declares lang="de" is still read as English.
        let html = "<html lang=\"de\"><head><title>Shocking secret plan revealed</title></head>\
                    <body><article><h1>Shocking secret plan revealed</h1><p>Behind closed doors, \
                    the mayor might consider a startling plan that would devastate the city, \
                    insiders say. The council has not yet voted on the proposal and its members \
                    said they had not seen it.</p><p>It is a disgrace, a critic said in a long \
                    statement that was published on the council's website on Tuesday.</p>\
                    </article></body></html>";
        let en = engine
            .analyze(RawArticle::from_file(
                "page.html",
                Content::Html {
                    bytes: html.as_bytes().to_vec(),
                    charset: None,
                },
            ))
            .unwrap();
        assert_eq!(en.metadata.language.as_deref(), Some("en"));
        assert!(en.english);
        assert!(
            en.framing.spans.iter().any(|s| s.category == "secrecy"),
            "{:?}",
            en.framing.spans
        );
    }

    #[test]
    fn empty_article_is_an_error_not_a_panic() {
        let engine = Engine::default();
        let err = engine
            .analyze(RawArticle::from_text("x", None, "  \n "))
            .unwrap_err();
        assert!(matches!(err, AnalyzeError::Empty));
    }
}

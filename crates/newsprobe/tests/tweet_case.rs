//! Embedded tweets pasted as text (`quotes::tweet`), written for the project: a plain-text page
//! in the opinion-site shape (a tweet introduced by "…", a run of tweets after one introduction,
//! a name broken from its handle) and an HTML page with a `blockquote class="twitter-tweet"`.
//! Each tweet is its signer's direct quotation, `named`, `via` `signature`, the handle its cue;
//! loaded words inside a tweet are the signer's, not the outlet's voice.

use newsprobe::Engine;
use newsprobe_core::{Content, Document, QuoteKind, RawArticle, SourceType};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tweets");

fn text_page() -> Document {
    let text = std::fs::read_to_string(format!("{DIR}/stadium-vote.txt")).expect("fixture");
    Engine::default()
        .analyze(RawArticle::from_text(
            "stadium-vote",
            Some("Mayor slams stadium sale".to_string()),
            text,
        ))
        .expect("analyses")
}

/// (text, name, type, via, cue) of each tweet quotation.
fn tweets(doc: &Document) -> Vec<(String, String, SourceType, String, String)> {
    doc.quotes
        .iter()
        .filter(|q| q.source.via.as_deref() == Some("signature"))
        .map(|q| {
            assert_eq!(q.kind, QuoteKind::Direct);
            (
                doc.span_text(&q.span).to_string(),
                q.source
                    .name
                    .clone()
                    .or(q.source.suggested.clone())
                    .unwrap_or_default(),
                q.source.kind,
                q.source.via.clone().unwrap_or_default(),
                q.cue
                    .map(|c| doc.span_text(&c).to_string())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn plain_text_tweets_are_their_signers_quotes() {
    let doc = text_page();
    let got: Vec<(String, String, String)> = tweets(&doc)
        .into_iter()
        .map(|(t, n, k, _, c)| {
            assert_eq!(k, SourceType::Named, "{t:?}");
            (t, n, c)
        })
        .collect();
    let want = [
        (
            "A disgraceful giveaway of public land to a crony developer!\nThe people of \
             Riverside will not forget this betrayal.",
            "Dana Whitcombe",
            "@MayorWhitcombe",
        ),
        (
            "Sixty years of football on that ground, sold in one night.",
            "Pete Arlow",
            "@petearlow",
        ),
        (
            "Shameful vote.\nSomebody should ask who paid for it.",
            "Gina",
            "@gina_riverside",
        ),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(t, n, c)| (t.to_string(), n.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
    // The outlet's own sentences stay no tweet: the councillor's reported statement is his.
    assert!(doc.quotes.iter().any(|q| {
        q.kind == QuoteKind::Reported && doc.span_text(&q.span).contains("lost money")
    }));
}

#[test]
fn loaded_words_inside_a_tweet_are_the_signers() {
    let doc = text_page();
    for word in ["disgraceful", "crony", "betrayal", "Shameful"] {
        let at = doc.text.find(word).expect("word in fixture");
        let in_outlet_voice = doc
            .framing
            .spans
            .iter()
            .any(|s| !s.in_quote && s.span.start <= at && at < s.span.end);
        assert!(!in_outlet_voice, "{word:?} read as the outlet's own voice");
    }
    assert!(
        !doc.findings.iter().any(|f| f.kind == "loaded_language"),
        "the tweets' words are no loaded language of the outlet"
    );
}

#[test]
fn html_twitter_blockquote_is_its_signers_quote() {
    let bytes = std::fs::read(format!("{DIR}/ferry-fares.html")).expect("fixture");
    let doc = Engine::default()
        .analyze(RawArticle::from_file(
            "ferry-fares.html",
            Content::Html {
                bytes,
                charset: None,
            },
        ))
        .expect("analyses");
    assert_eq!(
        tweets(&doc),
        vec![(
            "Nobody on this island was asked about these fares. I will put the increase to the \
             full council on Thursday."
                .to_string(),
            "Alma Reyes".to_string(),
            SourceType::Named,
            "signature".to_string(),
            "@CllrAlmaReyes".to_string()
        )]
    );
}

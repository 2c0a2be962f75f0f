//! Whose words are an embedded tweet pasted as text?
//!
//! Opinion and propaganda sites paste a tweet as its words and then its signature line,
//! "— Jane Roe (@janeroe) May 3, 2024" (often with "pic.twitter.com/…" links before the dash).
//! The tweet's text is the signer's direct quotation: rule `tweet-signature`, its speaker the
//! name before the handle, the handle its evidence (the quote's cue span).
//!
//! Precision first. A signature is only a clear one: a handle in parentheses followed by a date
//! ("(@janeroe) May 3, 2024"), or a dash, a name and a handle ending the paragraph. Which
//! paragraphs are the tweet (session 19's dry run, `scripts/tweets/probe.py`): the signature's
//! own text before the dash; else the paragraphs back to one that introduces the tweet (ending in
//! "…", "..." or ":", six paragraphs at most) or back to the previous signature (three at most);
//! else only the one paragraph above the signature. Hashtags, links and handles that end the
//! text are no words of the quotation.
//!
//! The entries are cue-less (`cue_token` none): the speaker ranker leaves them, as a signature
//! has no competing candidates; the rule's speaker goes through the same checks and resolution as
//! every other detector's.

use crate::speaker::{Ctx, Mention};
use crate::Found;
use newsprobe_core::{QuoteKind, QuoteSource, SourceType, Span};

/// The rule id of this detector (the calibration key's first part for its names).
pub const RULE: &str = "tweet-signature";

/// Paragraphs back from a signature that an introducing paragraph is looked for.
const MAX_INTRO_BACK: usize = 6;
/// Paragraphs back to the previous signature that are all taken as this tweet.
const MAX_BETWEEN_SIGNATURES: usize = 3;
/// The fewest words a tweet's text holds to be reported.
const MIN_WORDS: usize = 3;
/// The longest name a signature holds, in bytes and in words.
const MAX_NAME_BYTES: usize = 60;
const MAX_NAME_WORDS: usize = 5;

/// A signature found in one paragraph: "(@handle)" at `handle` (byte range in the text) and
/// whether a date follows it.
#[derive(Debug, Clone, Copy)]
struct Handle {
    start: usize,
    end: usize,
    dated: bool,
}

/// One embedded tweet: its text, the signer's name and handle (byte ranges in the body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tweet {
    pub content: Span,
    pub name: Span,
    pub handle: Span,
}

/// The embedded tweets of the body, in text order.
pub fn find_tweets(text: &str, paragraphs: &[Span]) -> Vec<Tweet> {
    let mut out = Vec::new();
    // Paragraphs at or before this one belong to an earlier tweet.
    let mut floor = 0usize;
    // Whether the last tweet ran back to an introduction or to a signature before it: only
    // then is a run of tweets one after another bounded by their signatures.
    let mut chained = false;
    let para = |i: usize| paragraphs.get(i).and_then(|p| text.get(p.start..p.end));
    for (i, p) in paragraphs.iter().enumerate() {
        let Some(t) = para(i) else { continue };
        if memchr::memmem::find(t.as_bytes(), b"(@").is_none() {
            continue;
        }
        let Some(h) = handle_in(t, p.start) else {
            continue;
        };
        let at = h.start - p.start;
        // The dash and the name: on the handle's own paragraph, or (a name broken from its
        // handle, "— Mike Cernovich ??¶(@Cernovich) December 1, 2017") on the one before.
        let (line, before_start, before) = if t[..at].contains('—') {
            (i, p.start, &t[..at])
        } else if t[..at].trim().is_empty() && i > 0 {
            match para(i - 1) {
                Some(b) => (i - 1, paragraphs[i - 1].start, b),
                None => continue,
            }
        } else {
            continue;
        };
        // Precision: a handle with a date, or the handle ending its paragraph.
        if !h.dated && !t[h.end - p.start..].trim().is_empty() {
            continue;
        }
        if line < floor {
            continue;
        }
        let Some((ns, ne, dash)) = name_after_dash(before) else {
            continue;
        };
        let name = Span::text(before_start + ns, before_start + ne);
        // The signature line's own text before the dash.
        let head = trim_tail(text, before_start, before_start + dash);
        let mut bounded = false;
        let mut cand: Vec<usize> = Vec::new();
        let mut j = line;
        while line - j < MAX_INTRO_BACK && j > 0 {
            j -= 1;
            let Some(u) = para(j) else { break };
            if j < floor || handle_in(u, paragraphs[j].start).is_some() {
                bounded = chained && line - j - 1 <= MAX_BETWEEN_SIGNATURES;
                break;
            }
            if introduces(u) {
                bounded = head.is_none();
                break;
            }
            cand.push(j);
        }
        cand.reverse();
        chained = bounded;
        if !bounded {
            cand = if head.is_some() {
                Vec::new()
            } else {
                cand.last().copied().into_iter().collect()
            };
        }
        let mut parts: Vec<Span> = cand
            .into_iter()
            .filter(|&k| para(k).is_some_and(|u| !is_furniture(u)))
            .filter_map(|k| trim_tail(text, paragraphs[k].start, paragraphs[k].end))
            .collect();
        parts.extend(head);
        floor = i + 1;
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            continue;
        };
        // (Two words, "Club statement" over a picture, are a label, not a statement.)
        let words: usize = parts
            .iter()
            .map(|p| {
                p.slice(text)
                    .split_whitespace()
                    .filter(|w| is_says(w))
                    .count()
            })
            .sum();
        if words < MIN_WORDS {
            continue;
        }
        out.push(Tweet {
            content: Span::text(first.start, last.end),
            name,
            handle: Span::text(h.start + 1, h.end - 1),
        });
    }
    out
}

/// The tweets of the document as cue-less direct quotations of their signers.
pub(crate) fn find(ctx: &Ctx) -> Vec<Found> {
    let doc = ctx.doc;
    find_tweets(&doc.text, &doc.paragraphs)
        .into_iter()
        .filter_map(|t| {
            let first = ctx.token_at_or_after(t.name.start);
            let after = ctx.token_at_or_after(t.name.end);
            if after == 0 || first >= after || first >= ctx.len() {
                return None;
            }
            let last = after - 1;
            // (The name's tokens must lie inside the name: a tokenizer that ran a word over
            // its edge gives no mention.)
            if ctx.span(last).end > t.name.end {
                return None;
            }
            Some(Found {
                content: t.content,
                kind: QuoteKind::Direct,
                cue: Some(t.handle),
                cue_token: None,
                speaker: Some(Mention::tokens(ctx, first, last)),
                inherited: false,
                margin: None,
                filled: false,
            })
        })
        .collect()
}

/// Whether a found attribution is an embedded tweet of [`find`]: cue-less (no cue token) with
/// the signer's handle as its cue.
pub(crate) fn is_signed(ctx: &Ctx, f: &Found) -> bool {
    f.cue_token.is_none()
        && f.kind == QuoteKind::Direct
        && f.cue
            .is_some_and(|c| ctx.doc.span_text(&c).starts_with('@'))
}

/// The source of a tweet: the signer named as the signature writes the name (`via`
/// `signature`), `named`. The resolver's name stays where it is the same person written more
/// fully or the same ("Donald J. Trump", "Donald Trump": the same surname, of a name of two
/// words at least); a lone first name is not stretched to another person of the article ("Mike"
/// of @Bigly45 is no "Mike Cernovich" of @Cernovich). The score of the resolver's cell stays; a
/// name it gated to a suggestion stays a suggestion.
pub(crate) fn signed_source(ctx: &Ctx, f: &Found, s: Option<QuoteSource>) -> Option<QuoteSource> {
    if !is_signed(ctx, f) {
        return s;
    }
    let m = f.speaker?;
    let written = ctx.doc.span_text(&m.span).to_string();
    let mut s = s.unwrap_or_else(|| QuoteSource::new(None, SourceType::Named, None, None));
    let same = |n: &str| {
        n == written
            || (written.split_whitespace().count() >= 2
                && n.split_whitespace().last() == written.split_whitespace().last())
    };
    let slot = if s.suggested.is_some() {
        &mut s.suggested
    } else {
        &mut s.name
    };
    if !slot.as_deref().is_some_and(same) {
        *slot = Some(written);
        s.entity = None;
    }
    s.kind = SourceType::Named;
    s.mention = Some(m.span);
    s.via = Some("signature".to_string());
    Some(s)
}

/// The first "(@handle)" of a paragraph that may sign a tweet (`base`: the paragraph's start).
fn handle_in(t: &str, base: usize) -> Option<Handle> {
    t.match_indices("(@").find_map(|(at, _)| {
        let rest = &t[at + 2..];
        let n = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if n == 0 || !rest[n..].starts_with(')') {
            return None;
        }
        let after = rest[n + 1..].trim_start();
        // A month written out, then a day: "December 1, 2017".
        let (month, day) = after.split_at(
            after
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(after.len()),
        );
        let dated = newsprobe_core::lexicon::MONTHS.contains(&month.to_lowercase().as_str())
            && day.trim_start().starts_with(|c: char| c.is_ascii_digit());
        Some(Handle {
            start: base + at,
            end: base + at + 2 + n + 1,
            dated,
        })
    })
}

/// The signer's name after the last dash of `s`: (start, end, dash) byte offsets in `s`.
/// Trimmed of the marks and emoji around it ("???Steff???", "Andrew Dyer 🛴"); capitalised, at
/// most five words, no hashtag, handle or sentence punctuation.
fn name_after_dash(s: &str) -> Option<(usize, usize, usize)> {
    let dash = s.rfind('—')?;
    let a = dash + '—'.len_utf8();
    let rest = &s[a..];
    let keep = |c: char| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-');
    let lead = rest.find(|c: char| keep(c) && c != '-' && c != '.')?;
    let trail = rest.rfind(|c: char| c.is_alphanumeric() || c == '.')?;
    let end_c = rest[trail..].chars().next()?;
    let (st, en) = (a + lead, a + trail + end_c.len_utf8());
    if st >= en || en - st > MAX_NAME_BYTES {
        return None;
    }
    let name = &s[st..en];
    // (Only white space or marks between the dash and the name: "— by the way, Bob" is prose.)
    if rest[..lead].chars().any(|c| c.is_alphanumeric()) {
        return None;
    }
    if !name.starts_with(|c: char| c.is_uppercase())
        || name.contains(['!', '#', '@', ',', ';', ':', '?', '"', '“', '”', '(', ')'])
        || name.split_whitespace().count() > MAX_NAME_WORDS
        // Words of a name, not emoji or symbols between them ("The Real Lonnieღ IV").
        || name
            .split_whitespace()
            .any(|w| !w.chars().all(|c| keep(c) || c == '&'))
    {
        return None;
    }
    Some((st, en, dash))
}

/// A page's own furniture that a widget left between a tweet's text and its signature
/// ("You also agree to this site's Privacy Policy and Terms of Use.").
fn is_furniture(t: &str) -> bool {
    [
        "Privacy Policy",
        "Terms of Use",
        "Terms of Service",
        "newsletter",
        "Subscribe",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// Whether a paragraph introduces what follows it ("… has tweeted his opinion…", "Watch:",
/// "* * *").
fn introduces(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with('…') || t.ends_with(':') || t.ends_with("...") || t.starts_with("* * *")
}

/// `text[start..end]` without the hashtags, handles and links that end it; none when no word
/// of two letters stays (a line of tags or a lone link says nothing).
fn trim_tail(text: &str, start: usize, end: usize) -> Option<Span> {
    let t = text.get(start..end)?;
    let mut e = t.trim_end().len();
    loop {
        let head = &t[..e];
        let w_start = head.rfind(char::is_whitespace).map_or(0, |k| {
            k + head[k..].chars().next().map_or(1, char::len_utf8)
        });
        let w = &head[w_start..];
        // A link run onto the last word ("week?https://t.co/…") is cut at the link.
        if let Some(k) = w.find("https://").or_else(|| w.find("http://")) {
            if k > 0 {
                e = head[..w_start + k].trim_end().len();
                continue;
            }
        }
        if !w.is_empty() && !is_says(w) {
            e = head[..w_start].trim_end().len();
            if e == 0 {
                return None;
            }
            continue;
        }
        break;
    }
    let body = &t[..e];
    body.split_whitespace()
        .any(is_says)
        .then(|| Span::text(start, start + e))
}

/// A word that says something: two letters, not a hashtag, handle or link.
fn is_says(w: &str) -> bool {
    !(w.starts_with('#')
        || w.starts_with('@')
        || w.contains("pic.twitter.com")
        || w.contains("://"))
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{analyzed, reached};
    use newsprobe_core::SourceType;

    fn tweets(text: &str) -> Vec<(String, String, String)> {
        let paragraphs = newsprobe_core::segment::paragraphs(text);
        find_tweets(text, &paragraphs)
            .into_iter()
            .map(|t| {
                (
                    t.content.slice(text).to_string(),
                    t.name.slice(text).to_string(),
                    t.handle.slice(text).to_string(),
                )
            })
            .collect()
    }

    /// An introduced two-line tweet: the lines back to the introduction ("…").
    #[test]
    fn introduced_tweet_runs_back_to_its_introduction() {
        let text = "The mayor answered within the hour…\n\
                    Our harbour will stay open to every fishing boat this winter.\n\
                    Nobody loses a season on my watch.\n\
                    — Alma Reyes (@MayorAlmaReyes) March 4, 2019\n\
                    The council meets again on Tuesday.\n";
        assert_eq!(
            tweets(text),
            vec![(
                "Our harbour will stay open to every fishing boat this winter.\n\
                 Nobody loses a season on my watch."
                    .to_string(),
                "Alma Reyes".to_string(),
                "@MayorAlmaReyes".to_string()
            )]
        );
    }

    /// The signature on the tweet's own line, hashtags and a picture link before the dash: the
    /// words without them; a name broken from its handle; tweets one after another.
    #[test]
    fn signature_shapes() {
        let text = "Readers online were quick to answer:\n\
                    The ferry fares doubled again and nobody asked us. #FerryFares — Tom Birch (@tbirch_41) June 2, 2020\n\
                    Fix the timetable before the fares!\n\
                    #Islanders pic.twitter.com/Ab12Cd34 — ???Kay Moss???\n\
                    (@kaymoss) June 2, 2020\n\
                    The operator did not reply.\n";
        assert_eq!(
            tweets(text),
            vec![
                (
                    "The ferry fares doubled again and nobody asked us.".to_string(),
                    "Tom Birch".to_string(),
                    "@tbirch_41".to_string()
                ),
                (
                    "Fix the timetable before the fares!".to_string(),
                    "Kay Moss".to_string(),
                    "@kaymoss".to_string()
                )
            ]
        );
    }

    /// No introduction and no earlier signature: only the line above (precision first).
    #[test]
    fn unintroduced_tweet_takes_one_line() {
        let text = "The bridge closed at noon after the inspection.\n\
                    Engineers found cracks in two of the supports.\n\
                    Stay off the old bridge until we say otherwise.\n\
                    — County Roads (@CountyRoads) April 9, 2021\n";
        assert_eq!(
            tweets(text).into_iter().map(|t| t.0).collect::<Vec<_>>(),
            vec!["Stay off the old bridge until we say otherwise.".to_string()]
        );
    }

    /// Handles that sign nothing: an invitation to follow, a handle inside prose, a dash with
    /// prose after it.
    #[test]
    fn no_signature_no_tweet() {
        for text in [
            "Follow the author on Twitter (@janeroe) for more.\n",
            "She wrote to the company (@AcmeHelp) May 3 and got no answer.\n",
            "It rained — and then, as the club (@club) put it May 3, 2020, it poured.\n",
            "The fans were angry.\n— see the thread (@fanclub) May 3, 2020\n",
        ] {
            assert!(tweets(text).is_empty(), "{text}");
        }
    }

    /// Through the whole stage: the tweet is a direct quotation of its signer, named.
    #[test]
    fn tweet_is_signers_direct_quote() {
        let doc = analyzed(
            "Senator Alma Reyes answered the ruling within the hour…\n\
             Our harbour will stay open to every fishing boat this winter.\n\
             — Alma Reyes (@SenAlmaReyes) March 4, 2019\n\
             The council meets again on Tuesday, officials said.\n",
        );
        let q = crate::test_support::quote_with(&doc, "Our harbour will stay open");
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(
            doc.span_text(&q.span),
            "Our harbour will stay open to every fishing boat this winter."
        );
        assert_eq!(reached(q), Some("Alma Reyes"));
        assert_eq!(q.source.kind, SourceType::Named);
        assert_eq!(q.cue.map(|c| doc.span_text(&c)), Some("@SenAlmaReyes"));
    }
}

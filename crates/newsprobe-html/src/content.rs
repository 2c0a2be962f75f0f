//! Which part of the page is the article body?
//!
//! Readability-style block scoring over the [`Dom`]: drop subtrees that are never article text
//! (scripts, navigation, footers, asides, forms' controls, hidden elements, elements whose
//! class/id says comment, sidebar, related, share...), cut the rest into text blocks, score each
//! container by the paragraphs under it (length, commas, link density, class/id hints), take the
//! best container plus its siblings that look like article text, and return its blocks minus
//! link lists and boilerplate lines. Every pass is a loop over node ids or an explicit walk.

use std::sync::LazyLock;

use regex::Regex;

use crate::dom::{self, Dom, NodeData, NodeId, NONE};
use crate::metadata::contains_ignore_ascii_case;

/// A run of text between block-level boundaries.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    /// Non-whitespace characters in the block.
    pub chars: usize,
    /// Non-whitespace characters inside links.
    pub link_chars: usize,
    /// The innermost block-level element holding the text.
    pub container: NodeId,
}

impl Block {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Class/id words of containers that are not article text.
static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"-ad-|\bads?\b|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|share|sharing|recommend|promo|outbrain|taboola|cookie|modal|signup|paywall|read-more|more-stories|trending|most-popular|byline|author-info|dateline|tags|rodape|gallery|slideshow|carousel|timestamp|caption|author-bio|authorbio|about-author|about-the-author|author-box|contributor-bio|bio-box",
    )
    .expect("valid regex")
});

/// Class/id words that rescue a container from [`UNLIKELY`].
static MAYBE_CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"and|article|body|column|content|main|shadow|story").expect("valid regex")
});

static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story")
        .expect("valid regex")
});

static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"-ad-|hidden|\bhid\b|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|credit|rodape",
    )
    .expect("valid regex")
});

/// Whole-line boilerplate that article containers often hold.
static BOILERPLATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(advertisement|advertising|sponsored|share( this( article| story)?)?|share on \w+|click to share.*|read more.*|related:?.*|see also.*|follow us.*|sign up.*|subscribe.*|continue reading.*|image:?.*|photo:?.*|copyright.*|©.*|all rights reserved.*|skip to .*|loading\W*|comments?|\d+ comments?|tweet|email|print|more from .*|recommended.*)$",
    )
    .expect("valid regex")
});

/// Calls to action and contact lines that close many articles. The two alternatives with word
/// boundaries are in [`PROMO_WORDS`]: a Unicode `\b` makes the regex engine leave its fast DFA
/// for a slow one on any line with a non-ASCII character (curly quotes, dashes), and this
/// regex runs on every short block.
static PROMO_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(follow (us|@|him|her|them|me)|subscribe (to|now|today)|sign up (for|to|now)|get the latest|have a (news )?tip|(click|tap) here|this slideshow requires|tell us what you think|send us your|get [\w ]+ delivered)|^\S+@\S+\.\w+$|^(https?://|www\.|twitter\.com/)\S+$|may be reached at \S+@|^email [\w .'-]+ at \S+@|^if you enjoyed this article|^follow [\w' ]+ (full )?coverage",
    )
    .expect("valid regex")
});

/// The rest of the calls to action, run only on lines holding "advert" or "email" in some
/// case (none of their letters has a non-ASCII case variant, so that test misses no match).
static PROMO_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^advert\b|\bemail (him|her|them|me) at\b").expect("valid regex")
});

/// Is this line a call to action or a contact line?
fn is_promo_line(text: &str) -> bool {
    PROMO_LINE.is_match(text)
        || ((contains_ignore_ascii_case(text, "advert")
            || contains_ignore_ascii_case(text, "email"))
            && PROMO_WORDS.is_match(text))
}

/// Tags whose subtree is never article text.
fn is_never_content(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "nav"
            | "footer"
            | "aside"
            | "button"
            | "select"
            | "option"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "head"
            | "textarea"
            | "input"
            | "label"
            | "figcaption"
            | "dialog"
            | "menu"
            | "audio"
            | "video"
            | "map"
            | "title"
    )
}

/// Class and id of an element, lower-cased, joined by a space, written into `buf` (one buffer
/// per page, not a `String` per element).
fn class_and_id<'b>(e: dom::Element, buf: &'b mut String) -> &'b str {
    buf.clear();
    if let Some(c) = e.attr("class") {
        buf.push_str(c);
    }
    if let Some(i) = e.attr("id") {
        buf.push(' ');
        buf.push_str(i);
    }
    buf.make_ascii_lowercase();
    buf
}

/// Is this element's subtree boilerplate by its tag or attributes (hidden, role)? One pass over
/// the element's attributes (the parser keeps one of each name), not a search for each name.
fn is_boilerplate_tag(e: dom::Element) -> bool {
    if is_never_content(e.name) {
        return true;
    }
    e.attrs.iter().any(|(name, value)| {
        let value: &str = value;
        match &**name {
            "hidden" => true,
            "aria-hidden" => value == "true",
            "style" => style_hides(value),
            "class" => class_hides(value),
            "role" => matches!(
                value,
                "navigation"
                    | "complementary"
                    | "contentinfo"
                    | "banner"
                    | "menu"
                    | "menubar"
                    | "dialog"
                    | "alert"
            ),
            _ => false,
        }
    })
}

/// Does a class value name a hiding class (`hidden`, `sr-only`, ...) in any ASCII case?
fn class_hides(class: &str) -> bool {
    class.split_ascii_whitespace().any(|c| {
        // (The names are 4 to 19 bytes long: most class words are passed over by length.)
        (4..=19).contains(&c.len())
            && [
                "hidden",
                "hide",
                "d-none",
                "is-hidden",
                "visually-hidden",
                "sr-only",
                "screen-reader-text",
                "visuallyhidden",
            ]
            .iter()
            .any(|h| c.eq_ignore_ascii_case(h))
    })
}

/// Does an inline style hide the element (`display:none` or `visibility:hidden`, in any ASCII
/// case, spaces ignored)? Short styles, nearly all, are folded into a buffer on the stack.
fn style_hides(style: &str) -> bool {
    let mut buf = [0u8; 256];
    let mut n = 0;
    for b in style.bytes().filter(|&b| b != b' ') {
        if n == buf.len() {
            // A long style: the same test on a folded copy.
            let style = style.to_ascii_lowercase().replace(' ', "");
            return style.contains("display:none") || style.contains("visibility:hidden");
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    let folded = &buf[..n];
    memchr::memmem::find(folded, b"display:none").is_some()
        || memchr::memmem::find(folded, b"visibility:hidden").is_some()
}

/// Does this element's class/id (or `<header>` tag) say it is not article text (comments,
/// sidebar, related...)? Applied only to elements holding a small share of the page's text.
fn is_unlikely_by_name(e: dom::Element, buf: &mut String) -> bool {
    if matches!(e.name, "body" | "html" | "a" | "article" | "main" | "p") {
        return false;
    }
    if e.name == "header" {
        return true; // page or article header: headline, byline, kicker
    }
    let names = class_and_id(e, buf);
    !names.is_empty() && UNLIKELY.is_match(names) && !MAYBE_CANDIDATE.is_match(names)
}

/// [`is_unlikely_by_name`]'s class/id test, remembered for one page: a page repeats its class
/// and id values (list items, links, teasers), and hashing them and comparing them with the pair
/// remembered costs a fraction of the regexes. Direct-mapped by hash: a slot keeps the last pair
/// that landed in it, compared in full, so the answer is always the regexes'.
struct UnlikelyNames<'d> {
    slots: Vec<(Option<&'d str>, Option<&'d str>, bool)>,
    buf: String,
}

impl<'d> UnlikelyNames<'d> {
    const SLOTS: usize = 256;

    fn new() -> Self {
        // An empty slot holds (None, None): no class and no id, whose answer is "no".
        UnlikelyNames {
            slots: vec![(None, None, false); Self::SLOTS],
            buf: String::new(),
        }
    }

    /// [`is_unlikely_by_name`] of `e`.
    fn of(&mut self, e: dom::Element<'d, '_>) -> bool {
        if matches!(e.name, "body" | "html" | "a" | "article" | "main" | "p") {
            return false;
        }
        if e.name == "header" {
            return true;
        }
        let key = (e.attr("class"), e.attr("id"));
        if key == (None, None) {
            return false;
        }
        use std::hash::BuildHasher;
        let h = foldhash::fast::FixedState::with_seed(0x1319_8a2e_0370_7344).hash_one(key);
        let slot = &mut self.slots[(h as usize) & (Self::SLOTS - 1)];
        if (slot.0, slot.1) != key {
            *slot = (key.0, key.1, is_unlikely_by_name(e, &mut self.buf));
        }
        slot.2
    }
}

/// Class/id weight: +25 for article-like names, -25 for boilerplate-like ones.
fn class_weight(e: dom::Element, buf: &mut String) -> f32 {
    let names = class_and_id(e, buf);
    let mut w = 0.0;
    if names.is_empty() {
        return w;
    }
    if NEGATIVE.is_match(names) {
        w -= 25.0;
    }
    if POSITIVE.is_match(names) {
        w += 25.0;
    }
    if e.attr("itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        w += 50.0;
    }
    w
}

/// Marks nodes in boilerplate subtrees. Loops in document order (parents come first) and in
/// reverse for the bottom-up text sums.
pub fn removed_nodes(dom: &Dom) -> Vec<bool> {
    let n = dom.nodes.len();
    let mut removed = vec![false; n];
    for id in 1..n {
        let node = &dom.nodes[id];
        removed[id] = (node.parent != NONE && removed[node.parent as usize])
            || matches!(&node.data, NodeData::Element(e) if is_boilerplate_tag(dom.view(e)));
    }
    // Visible text per element, to keep class-name rules from dropping the article itself
    // ("Page-ad-margins" or "content-with-sidebar" wrappers).
    let mut text = vec![0u32; n];
    for id in (1..n).rev() {
        if removed[id] {
            continue;
        }
        let node = &dom.nodes[id];
        if let NodeData::Text(t) = &node.data {
            text[id] = non_whitespace_bytes(t.as_bytes()) as u32;
        }
        if node.parent != NONE {
            text[node.parent as usize] = text[node.parent as usize].saturating_add(text[id]);
        }
    }
    let total = text[0];
    let mut names = UnlikelyNames::new();
    for id in 1..n {
        let node = &dom.nodes[id];
        if removed[id] {
            continue;
        }
        if node.parent != NONE && removed[node.parent as usize] {
            removed[id] = true;
        } else if let NodeData::Element(e) = &node.data {
            removed[id] = u64::from(text[id]) * 3 < u64::from(total) && names.of(dom.view(e));
        }
    }
    removed
}

/// How many bytes of `text` are not ASCII whitespace, counted in chunks small enough for byte
/// counters (which the compiler turns into vector compares).
fn non_whitespace_bytes(text: &[u8]) -> usize {
    text.chunks(255)
        .map(|chunk| {
            let blank = chunk
                .iter()
                .fold(0u8, |n, b| n + u8::from(b.is_ascii_whitespace()));
            chunk.len() - usize::from(blank)
        })
        .sum()
}

/// Cuts the non-removed part of the page into text blocks, in document order.
pub fn blocks(dom: &Dom, removed: &[bool]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut link_chars = 0usize;
    let mut containers: Vec<NodeId> = vec![Dom::ROOT];
    let mut in_link = 0usize;

    let flush =
        |text: &mut String, link_chars: &mut usize, container: NodeId, out: &mut Vec<Block>| {
            // (Most flushes between blocks hold only the markup's line breaks and indents:
            // nothing to collapse, no string to make.)
            if !text.bytes().all(|b| b.is_ascii_whitespace()) {
                let (collapsed, chars) = dom::collapse_whitespace_counted(text);
                if !collapsed.is_empty() {
                    debug_assert_eq!(
                        chars,
                        collapsed.chars().filter(|c| !c.is_whitespace()).count()
                    );
                    out.push(Block {
                        text: collapsed,
                        chars,
                        link_chars: (*link_chars).min(chars),
                        container,
                    });
                }
            }
            text.clear();
            *link_chars = 0;
        };

    // Explicit walk with open/close events: (node, entering).
    let mut next = Some((Dom::ROOT, true));
    while let Some((id, entering)) = next {
        let node = dom.node(id);
        let tag = dom.tag(id);
        if entering {
            let skip = removed[id as usize];
            if !skip {
                match &node.data {
                    NodeData::Text(t) => {
                        if in_link > 0 {
                            link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                        }
                        text.push_str(t);
                    }
                    NodeData::Element(_) => {
                        if dom::is_block(tag) {
                            flush(
                                &mut text,
                                &mut link_chars,
                                *containers.last().unwrap_or(&0),
                                &mut out,
                            );
                            containers.push(id);
                        } else if tag == "br" {
                            flush(
                                &mut text,
                                &mut link_chars,
                                *containers.last().unwrap_or(&0),
                                &mut out,
                            );
                        } else if tag == "a" {
                            in_link += 1;
                        } else if tag == "img" {
                            text.push(' ');
                        }
                    }
                    NodeData::Document => {}
                }
            }
            if !skip && node.first_child != NONE {
                next = Some((node.first_child, true));
                continue;
            }
            // Leaf or skipped: close it now.
            next = Some((id, false));
            if skip {
                // Do not run the close handling of a skipped element.
                next = step_after(dom, id);
                continue;
            }
        } else {
            if let NodeData::Element(_) = node.data {
                if dom::is_block(tag) {
                    flush(
                        &mut text,
                        &mut link_chars,
                        *containers.last().unwrap_or(&0),
                        &mut out,
                    );
                    containers.pop();
                } else if tag == "a" {
                    in_link = in_link.saturating_sub(1);
                } else if matches!(tag, "td" | "th" | "span" | "em" | "strong" | "b" | "i") {
                    // Keep words apart across cells; inline closes need nothing.
                }
            }
            next = step_after(dom, id);
        }
    }
    flush(&mut text, &mut link_chars, Dom::ROOT, &mut out);
    out
}

/// The walk event after leaving `id`: its next sibling, else leaving its parent.
fn step_after(dom: &Dom, id: NodeId) -> Option<(NodeId, bool)> {
    if id == Dom::ROOT {
        return None;
    }
    let node = dom.node(id);
    if node.next_sibling != NONE {
        Some((node.next_sibling, true))
    } else if node.parent != NONE {
        Some((node.parent, false))
    } else {
        None
    }
}

/// Score of one paragraph block for its ancestors.
fn paragraph_score(block: &Block) -> f32 {
    // ASCII commas by a byte count the compiler vectorises; the other scripts' commas only in
    // text that has non-ASCII characters at all.
    let text = &block.text;
    let mut commas = text.bytes().filter(|&b| b == b',').count();
    if !text.is_ascii() {
        commas += wide_commas(text.as_bytes());
    }
    1.0 + commas as f32 + (block.chars as f32 / 100.0).min(3.0)
}

/// How many of the commas '，' '、' '،' `text` holds, counted by their UTF-8 bytes (a lead
/// byte found by `memchr3`, then its continuation bytes): UTF-8 is self-synchronising, so this
/// counts what `str::matches` would, without decoding every character.
fn wide_commas(text: &[u8]) -> usize {
    const COMMAS: [&[u8]; 3] = ["，".as_bytes(), "、".as_bytes(), "،".as_bytes()];
    let mut count = 0;
    let mut pos = 0;
    while let Some(at) = memchr::memchr3(0xEF, 0xE3, 0xD8, &text[pos..]) {
        let rest = &text[pos + at..];
        if COMMAS.iter().any(|c| rest.starts_with(c)) {
            count += 1;
        }
        pos += at + 1;
    }
    count
}

/// Elements whose text is one paragraph (scored for their parent, as in readability).
fn is_paragraph_like(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "pre"
            | "td"
            | "th"
            | "li"
            | "dd"
            | "dt"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figcaption"
            | "caption"
            | "address"
    )
}

fn tag_base_score(tag: &str) -> f32 {
    match tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// The article's main text: paragraphs separated by a blank line.
pub fn main_text(dom: &Dom) -> String {
    let removed = removed_nodes(dom);
    let blocks = blocks(dom, &removed);
    let chosen = select(dom, &blocks);
    let mut out = String::new();
    for block in chosen {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block.text);
    }
    out
}

/// Picks the article's blocks.
pub fn select<'b>(dom: &Dom, blocks: &'b [Block]) -> Vec<&'b Block> {
    let n = dom.nodes.len();
    // Text and link characters per element, summed bottom-up (children have larger ids).
    // (As u32 pairs, one zeroed buffer of 8 bytes an element instead of two of 16: a page's
    // text is far under 4 GiB; the sums saturate all the same.)
    let mut sums = vec![(0u32, 0u32); n];
    let to_u32 = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    for b in blocks {
        let s = &mut sums[b.container as usize];
        s.0 = s.0.saturating_add(to_u32(b.chars));
        s.1 = s.1.saturating_add(to_u32(b.link_chars));
    }
    for id in (1..n).rev() {
        let parent = dom.nodes[id].parent;
        if parent != NONE {
            let (c, l) = sums[id];
            let p = &mut sums[parent as usize];
            p.0 = p.0.saturating_add(c);
            p.1 = p.1.saturating_add(l);
        }
    }
    let density = |id: usize| {
        let (c, l) = sums[id];
        if c == 0 {
            0.0
        } else {
            l as f32 / c as f32
        }
    };

    let mut score = vec![f32::NAN; n];
    let mut weight = vec![0.0f32; n];
    // The ids given a score, so the loops below walk these (a few dozen) rather than the page.
    let mut candidates: Vec<usize> = Vec::new();
    let mut names = String::new();
    for block in blocks {
        let tag = dom.tag(block.container);
        if block.chars < 25
            || block.link_density() > 0.5
            || matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        {
            continue;
        }
        let s = paragraph_score(block);
        // A paragraph element scores its parent; text written straight into a div/section
        // scores that element itself (readability turns such a div into a paragraph's parent).
        let mut ancestor = if is_paragraph_like(tag) {
            dom.node(block.container).parent
        } else {
            block.container
        };
        let mut level = 0;
        while ancestor != NONE && ancestor != Dom::ROOT && level < 5 {
            let a = ancestor as usize;
            if score[a].is_nan() {
                candidates.push(a);
                score[a] = tag_base_score(dom.tag(ancestor));
                weight[a] = dom
                    .element(ancestor)
                    .map_or(0.0, |e| class_weight(e, &mut names));
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += s / divider;
            ancestor = dom.node(ancestor).parent;
            level += 1;
        }
    }
    // In id order, as a walk over the page would meet them (ties keep the first).
    candidates.sort_unstable();
    candidates.dedup();
    let mut top: Option<(usize, f32)> = None;
    for &id in &candidates {
        if score[id].is_nan() {
            continue;
        }
        // A class name alone must not make a near-empty container win: the bonus is capped
        // by the container's own paragraph score.
        let w = weight[id];
        let w = if w > 0.0 {
            w.min(score[id].max(0.0))
        } else {
            w
        };
        let s = (score[id] + w) * (1.0 - density(id));
        score[id] = s;
        if top.is_none_or(|(_, best)| s > best) {
            top = Some((id, s));
        }
    }
    let Some((mut top_id, mut top_score)) = top else {
        return blocks.iter().filter(|b| b.link_density() <= 0.5).collect();
    };
    // Article text split over cousins (chunks in separate wrappers): when another candidate
    // outside the top one scores nearly as high, widen to their nearest common ancestor.
    let class_of = |id: usize| {
        dom.element(id as NodeId)
            .and_then(|e| e.attr("class"))
            .unwrap_or("")
    };
    let top_class = class_of(top_id);
    for &id in &candidates {
        if id == top_id || score[id].is_nan() {
            continue;
        }
        let same_class = !top_class.trim().is_empty() && class_of(id) == top_class;
        if score[id] < top_score * if same_class { 0.2 } else { 0.75 } {
            continue;
        }
        if id < top_id && (top_id as NodeId) < dom.subtree_end(id as NodeId) {
            continue; // an ancestor of the top candidate
        }
        if let Some(common) = common_ancestor(dom, top_id as NodeId, id as NodeId, 6) {
            if common as usize != top_id && !matches!(dom.tag(common), "body" | "html" | "") {
                top_id = common as usize;
                if !score[top_id].is_nan() {
                    top_score = top_score.max(score[top_id]);
                }
            }
        }
    }
    // A lone child carries its parent's content: widen to the parent.
    loop {
        let parent = dom.nodes[top_id].parent;
        if parent == NONE || parent == Dom::ROOT || matches!(dom.tag(parent), "body" | "html") {
            break;
        }
        let element_children = dom
            .children(parent)
            .filter(|&c| dom.element(c).is_some())
            .count();
        if element_children != 1 {
            break;
        }
        top_id = parent as usize;
        if !score[top_id].is_nan() {
            top_score = top_score.max(score[top_id]);
        }
    }

    // Siblings of the top candidate that look like article text join it.
    let mut selected = vec![top_id as NodeId];
    let parent = dom.nodes[top_id].parent;
    if parent != NONE {
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = dom
            .element(top_id as NodeId)
            .and_then(|e| e.attr("class"))
            .unwrap_or("");
        for sib in dom.children(parent) {
            if sib as usize == top_id || dom.element(sib).is_none() {
                continue;
            }
            let s = score[sib as usize];
            let mut bonus = 0.0;
            let sib_class = dom.element(sib).and_then(|e| e.attr("class")).unwrap_or("");
            if !top_class.is_empty() && sib_class == top_class {
                bonus = top_score * 0.2;
            }
            let mut append = !s.is_nan() && s + bonus >= threshold;
            // A paragraph wrapped in its own box (a lede in a "sourced paragraph" div) counts
            // as a paragraph.
            let lone_p = || {
                let mut kids = dom.children(sib).filter(|&c| dom.element(c).is_some());
                matches!((kids.next(), kids.next()), (Some(k), None) if dom.tag(k) == "p")
            };
            if !append && (dom.tag(sib) == "p" || (dom.tag(sib) == "div" && lone_p())) {
                let len = sums[sib as usize].0;
                let ld = density(sib as usize);
                let text = dom.text_of(sib);
                if (len > 80 && ld < 0.25)
                    || (len > 0 && len <= 80 && ld == 0.0 && text.ends_with('.'))
                {
                    append = true;
                }
            }
            if append {
                selected.push(sib);
            }
        }
    }
    // Which nodes are inside the selection: the id ranges of the selected subtrees (ids are
    // contiguous per subtree), rather than a mark for every node of the page.
    let ranges: Vec<(NodeId, NodeId)> = selected.iter().map(|&s| (s, dom.subtree_end(s))).collect();
    let inside = |id: NodeId| ranges.iter().any(|&(start, end)| start <= id && id < end);
    blocks
        .iter()
        .filter(|b| inside(b.container))
        .filter(|b| keep_block(dom, b))
        .collect()
}

/// The nearest common ancestor of `a` and `b` (or `a` itself when it contains `b`), if it is at
/// most `max_up` levels above `a`.
fn common_ancestor(dom: &Dom, a: NodeId, b: NodeId, max_up: usize) -> Option<NodeId> {
    let mut candidate = a;
    for _ in 0..=max_up {
        // Is `b` inside `candidate`? Subtrees are contiguous id ranges.
        if b >= candidate && b < dom.subtree_end(candidate) {
            return Some(candidate);
        }
        candidate = dom.node(candidate).parent;
        if candidate == NONE {
            return None;
        }
    }
    None
}

/// Drops link lists, headlines and boilerplate lines from the chosen container.
fn keep_block(dom: &Dom, block: &Block) -> bool {
    let ld = block.link_density();
    if ld > 0.5 || (block.chars < 40 && ld > 0.3) {
        return false;
    }
    if dom.tag(block.container) == "h1" {
        return false;
    }
    if block.chars < 60 && BOILERPLATE_LINE.is_match(&block.text) {
        return false;
    }
    if block.chars < 200 && is_promo_line(&block.text) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_class_names_answer_as_the_regexes() {
        // Repeated and distinct class/id pairs, more of them than the cache has slots, so
        // pairs share slots and are looked up again after being pushed out.
        let mut page = String::from("<html><body><header class=\"top\">Site</header>");
        for i in 0..600 {
            let class = match i % 5 {
                0 => "story-body".to_string(),
                1 => format!("sidebar-item n{i}"),
                2 => format!("Related-Links item{}", i % 37),
                3 => "comment-list".to_string(),
                _ => format!("col{}", i % 300),
            };
            page.push_str(&format!(
                "<div class=\"{class}\" id=\"x{}\"><p>Words {i}.</p></div>",
                i % 7
            ));
        }
        page.push_str("<article class=\"comment\"><p>Kept</p></article></body></html>");
        let dom = dom::parse(&page);
        let mut names = UnlikelyNames::new();
        let mut buf = String::new();
        let mut asked = 0;
        for _ in 0..2 {
            for id in 0..dom.nodes.len() as NodeId {
                if let Some(e) = dom.element(id) {
                    assert_eq!(names.of(e), is_unlikely_by_name(e, &mut buf), "{}", e.name);
                    asked += 1;
                }
            }
        }
        assert!(asked > 2400);
    }

    #[test]
    fn boilerplate_by_attributes() {
        let dom = dom::parse(
            "<div hidden>a</div><div aria-hidden=\"true\">b</div><div aria-hidden=\"false\">c</div>\
             <div style=\"display: none\">d</div><div class=\"x Visually-Hidden\">e</div>\
             <div class=\"hidden-xs\">f</div><div role=\"navigation\">g</div><div role=\"main\">h</div>\
             <nav>i</nav>",
        );
        let hidden: Vec<bool> = (0..dom.nodes.len() as NodeId)
            .filter_map(|id| dom.element(id))
            .filter(|e| matches!(e.name, "div" | "nav"))
            .map(is_boilerplate_tag)
            .collect();
        assert_eq!(
            hidden,
            [true, true, false, true, true, false, true, false, true]
        );
    }

    #[test]
    fn inline_styles_that_hide() {
        assert!(style_hides("color: red; Display : None"));
        assert!(style_hides("visibility:hidden"));
        assert!(!style_hides("display:block; visibility: visible"));
        let long = format!("{}; display: none", "margin: 0".repeat(40));
        assert!(style_hides(&long));
        assert!(!style_hides(&"margin: 0;".repeat(40)));
    }

    #[test]
    fn non_whitespace_bytes_counts_across_chunks() {
        let text = "The council said \u{201c}no\u{201d}\ton Monday.\r\n ".repeat(40);
        let expected = text.bytes().filter(|b| !b.is_ascii_whitespace()).count();
        assert_eq!(non_whitespace_bytes(text.as_bytes()), expected);
        assert_eq!(non_whitespace_bytes(b""), 0);
        assert_eq!(non_whitespace_bytes(&[b' '; 600]), 0);
    }

    fn text(html: &str) -> String {
        main_text(&dom::parse(html))
    }

    const STORY: &str = "<p>The city council approved the new bus lanes on Thursday, after a two-hour debate, by nine votes to four.</p>\
        <p>Supporters said the lanes would cut journey times by a fifth, while shop owners on Mill Road warned of lost trade.</p>\
        <p>Work is due to start in May and to finish before the schools return in September, the council said.</p>";

    #[test]
    fn picks_the_paragraph_container_over_link_lists() {
        let html = format!(
            "<body><div class=\"nav\"><a href=/a>World news and politics</a><a href=/b>Business and markets today</a></div>\
             <div class=\"story-text\">{STORY}</div>\
             <ul class=\"more\"><li><a href=/c>Council tax rise approved by narrow majority on Monday night</a></li>\
             <li><a href=/d>New cycle lanes open along the river path after two years of delays</a></li></ul></body>"
        );
        let got = text(&html);
        assert!(got.starts_with("The city council approved"), "{got}");
        assert!(got.ends_with("the council said."), "{got}");
        assert!(!got.contains("Council tax"), "{got}");
        assert_eq!(got.matches("\n\n").count(), 2);
    }

    #[test]
    fn comments_sidebars_and_hidden_parts_are_dropped() {
        let html = format!(
            "<body><div id=\"main\"><article>{STORY}\
             <div class=\"newsletter-signup\"><p>Sign up for our morning briefing, delivered to your inbox every weekday at seven.</p></div>\
             <p style=\"display: none\">Hidden teaser text that browsers never show to the reader of this page.</p></article>\
             <div id=\"comments\"><p>I have taken this bus for twenty years and it has never once been on time, not once.</p></div></div>\
             <div class=\"sidebar\"><p>Most read: the ten best cafés in the old town, chosen by our readers this year.</p></div></body>"
        );
        let got = text(&html);
        assert!(got.contains("Work is due to start in May"), "{got}");
        for junk in [
            "morning briefing",
            "Hidden teaser",
            "twenty years",
            "Most read",
        ] {
            assert!(!got.contains(junk), "{junk}: {got}");
        }
    }

    #[test]
    fn article_split_over_sibling_wrappers_is_joined() {
        let chunk = |s: &str| {
            format!("<div class=\"grid\"><div class=\"body-chunk\">{s}</div><div class=\"ad-rail\"></div></div>")
        };
        let html = format!(
            "<body><div class=\"chunks\">{}{}</div><footer><p>Copyright 2024 by the publisher of this newspaper and its owners.</p></footer></body>",
            chunk(STORY),
            chunk("<p>Opponents have until the end of the month to appeal, and a lawyer for the traders said they were considering it.</p>")
        );
        let got = text(&html);
        assert!(got.contains("The city council approved"), "{got}");
        assert!(
            got.contains("Opponents have until the end of the month"),
            "{got}"
        );
        assert!(!got.contains("Copyright"), "{got}");
    }

    #[test]
    fn a_wrapper_named_like_an_ad_keeps_the_article() {
        // Class names that match boilerplate words must not drop most of the page's text.
        let html = format!("<body><div class=\"Page-ad-margins content-with-sidebar-wrap\"><div>{STORY}</div></div></body>");
        assert!(text(&html).starts_with("The city council approved"));
    }

    #[test]
    fn boilerplate_lines_inside_the_article_are_dropped() {
        let html = format!(
            "<body><div class=\"article-body\">{STORY}<p>Advertisement</p>\
             <p>Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter.</p></div></body>"
        );
        let got = text(&html);
        assert!(
            !got.contains("Advertisement") && !got.contains("Have a tip"),
            "{got}"
        );
    }

    #[test]
    fn article_header_with_headline_and_byline_is_not_body() {
        let html = format!(
            "<body><article><header><h1>Bus lanes approved</h1><p>By Jane Doe, transport reporter. March 3, 2024</p></header>{STORY}</article></body>"
        );
        let got = text(&html);
        assert!(got.starts_with("The city council approved"), "{got}");
        assert!(!got.contains("Jane Doe"), "{got}");
    }

    #[test]
    fn no_paragraphs_gives_whatever_text_there_is() {
        assert_eq!(text("<p>Short note.</p>"), "Short note.");
        assert_eq!(text(""), "");
    }
}

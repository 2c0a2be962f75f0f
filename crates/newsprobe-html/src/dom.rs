//! What is the element tree of this page?
//!
//! A fast, tolerant HTML tokenizer and tree builder made for extraction, not for rendering: it
//! keeps elements, the attributes extraction reads ([`KEPT_ATTRS`]), text and raw script/style
//! content, closes `<p>`/`<li>`/table cells
//! implicitly as browsers do, ignores stray end tags, and never fails. Nodes live in one arena in
//! document order (a parent always has a smaller id than its children), so later passes walk the
//! tree with loops over ids or parent links, never recursion: 100,000-deep nesting is safe, and
//! nesting beyond [`MAX_DEPTH`] is flattened so every pass stays linear.
//!
//! The tree borrows from the page: tag names already in lower case, attribute
//! values and text without character references, and raw script/style content are slices of the
//! input, not copies (a 170 KiB page has thousands of each).

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::entities;

/// Elements nested deeper than this are attached to the element at this depth.
pub const MAX_DEPTH: usize = 400;
/// How far up the open-element stack an implied end (`<p>`, `<li>`) looks for its element.
const END_TAG_SEARCH: usize = 64;
/// Elements beyond this many are dropped (their text is kept), bounding memory on huge pages.
pub const MAX_ELEMENTS: usize = 2_000_000;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;
/// Marks a missing link.
pub const NONE: NodeId = u32::MAX;

/// An attribute: lower-case name and decoded value, borrowed from the page where they need no
/// change.
pub type Attr<'a> = (Cow<'a, str>, Cow<'a, str>);

/// One element as stored: lower-case tag name, borrowed from the page where it needs no change,
/// and where its attributes lie in [`Dom::attrs`] (one arena for the page's attributes, so an
/// element costs no allocation of its own: a page has thousands).
#[derive(Debug, Clone)]
pub struct ElementData<'a> {
    pub name: Cow<'a, str>,
    attrs: std::ops::Range<u32>,
}

/// An element of a [`Dom`]: its lower-case tag name and its attributes.
#[derive(Debug, Clone, Copy)]
pub struct Element<'d, 'a> {
    pub name: &'d str,
    pub attrs: &'d [Attr<'a>],
}

impl<'d> Element<'d, '_> {
    /// The value of attribute `name` (lower-case).
    pub fn attr(&self, name: &str) -> Option<&'d str> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| &**v)
    }
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeData<'a> {
    Document,
    Element(ElementData<'a>),
    /// Text with character references decoded (raw for script/style content).
    Text(Cow<'a, str>),
}

/// A node and its links.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    pub data: NodeData<'a>,
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub next_sibling: NodeId,
}

/// The parsed page, borrowing from its text.
#[derive(Debug, Clone)]
pub struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
    /// The attributes of every element, each element's in one run (see [`ElementData`]).
    pub attrs: Vec<Attr<'a>>,
}

impl<'a> Dom<'a> {
    /// The document root.
    pub const ROOT: NodeId = 0;

    pub fn node(&self, id: NodeId) -> &Node<'a> {
        &self.nodes[id as usize]
    }

    /// The element at `id`, if it is one.
    pub fn element(&self, id: NodeId) -> Option<Element<'_, 'a>> {
        match &self.nodes.get(id as usize)?.data {
            NodeData::Element(e) => Some(self.view(e)),
            _ => None,
        }
    }

    /// The element `e` of this tree with its attributes.
    pub fn view<'d>(&'d self, e: &'d ElementData<'a>) -> Element<'d, 'a> {
        let attrs = self
            .attrs
            .get(e.attrs.start as usize..e.attrs.end as usize)
            .unwrap_or_default();
        Element {
            name: &e.name,
            attrs,
        }
    }

    /// The tag name at `id`, or "" for text and the document.
    pub fn tag(&self, id: NodeId) -> &str {
        match self.nodes.get(id as usize).map(|n| &n.data) {
            Some(NodeData::Element(e)) => &e.name,
            _ => "",
        }
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut next = self.node(id).first_child;
        std::iter::from_fn(move || {
            let current = next;
            (current != NONE).then(|| {
                next = self.node(current).next_sibling;
                current
            })
        })
    }

    /// `id` and the nodes under it, in document order (ids are contiguous per subtree).
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        // The subtree of `id` ends where the next node outside it starts.
        let mut current = id;
        loop {
            let node = self.node(current);
            if node.next_sibling != NONE {
                return node.next_sibling;
            }
            if node.parent == NONE {
                return self.nodes.len() as NodeId;
            }
            current = node.parent;
        }
    }

    /// [`Dom::text_of`] where it is shorter than `limit` bytes, else `None`, found without
    /// building the text of a large subtree: the text's bytes that are ASCII and neither
    /// whitespace nor NUL all stay in it, so once `limit` of them are seen it cannot be shorter.
    pub fn text_of_shorter_than(&self, id: NodeId, limit: usize) -> Option<String> {
        let mut solid = 0;
        for data in self.shown_nodes(id) {
            if let NodeData::Text(t) = data {
                solid += t.bytes().filter(|&b| PLAIN_ASCII[usize::from(b)]).count();
                if solid >= limit {
                    return None;
                }
            }
        }
        Some(self.text_of(id)).filter(|t| t.len() < limit)
    }

    /// The nodes of the subtree at `id` in document order, without the script, style and
    /// template elements and their contents (what [`Dom::text_of`] reads).
    fn shown_nodes(&self, id: NodeId) -> impl Iterator<Item = &NodeData<'a>> + '_ {
        let end = self.subtree_end(id);
        let mut i = id;
        std::iter::from_fn(move || {
            while i < end {
                let data = &self.nodes[i as usize].data;
                match data {
                    NodeData::Element(e) if matches!(&*e.name, "script" | "style" | "template") => {
                        i = self.subtree_end(i);
                    }
                    _ => {
                        i += 1;
                        return Some(data);
                    }
                }
            }
            None
        })
    }

    /// The text under `id` (script and style content excluded), whitespace collapsed.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        for data in self.shown_nodes(id) {
            match data {
                NodeData::Element(e) if is_block(&e.name) || &*e.name == "br" => out.push(' '),
                NodeData::Text(t) => out.push_str(t),
                _ => {}
            }
        }
        collapse_whitespace(&out)
    }

    #[inline]
    fn push(&mut self, data: NodeData<'a>, parent: NodeId) -> NodeId {
        let id = self.nodes.len() as NodeId;
        self.nodes.push(Node {
            data,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
        });
        let p = &mut self.nodes[parent as usize];
        let previous = p.last_child;
        p.last_child = id;
        if previous == NONE {
            p.first_child = id;
        } else {
            self.nodes[previous as usize].next_sibling = id;
        }
        id
    }

    /// Appends text to `parent`, merging with a preceding text node.
    #[inline]
    fn push_text(&mut self, text: Cow<'a, str>, parent: NodeId) {
        let last = self.nodes[parent as usize].last_child;
        if last != NONE {
            if let NodeData::Text(t) = &mut self.nodes[last as usize].data {
                t.to_mut().push_str(&text);
                return;
            }
        }
        self.push(NodeData::Text(text), parent);
    }
}

/// ASCII bytes that are neither whitespace (`\t` to `\r`, space) nor NUL, by byte value.
static PLAIN_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 1;
    while b < 0x80 {
        t[b] = !matches!(b as u8, b'\t'..=b'\r' | b' ');
        b += 1;
    }
    t
};

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
pub fn collapse_whitespace(s: &str) -> String {
    collapse_whitespace_counted(s).0
}

/// [`collapse_whitespace`] and the number of characters of the result that are not spaces
/// (counted as it is written, instead of two more passes over it).
pub fn collapse_whitespace_counted(s: &str) -> (String, usize) {
    let mut out = String::with_capacity(s.len());
    let mut chars = 0;
    let mut pending_space = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII that is neither whitespace nor NUL is copied in one piece, with the
        // single spaces between its words (each would collapse to itself).
        let mut j = i;
        let mut spaces = 0;
        while j < bytes.len() {
            if PLAIN_ASCII[bytes[j] as usize] {
                j += 1;
            } else if bytes[j] == b' '
                && j > i
                && bytes.get(j + 1).is_some_and(|&b| PLAIN_ASCII[b as usize])
            {
                j += 2;
                spaces += 1;
            } else {
                break;
            }
        }
        let run = j - i;
        if run > 0 {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(&s[i..i + run]);
            chars += run - spaces;
            i += run;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if c.is_whitespace() || c == '\u{0}' || c == '\u{200B}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
            chars += 1;
        }
    }
    (out, chars)
}

/// Elements that start a new block of text.
pub fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "form"
            | "fieldset"
            | "center"
            | "body"
            | "html"
            | "details"
            | "summary"
            | "video"
            | "audio"
            | "picture"
            | "iframe"
            | "option"
            | "select"
            | "button"
    )
}

fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "frame"
    )
}

/// Elements whose content is not markup.
#[inline]
fn is_raw_text(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// Start tags that close an open `<p>` (HTML's "close a p element in button scope").
fn closes_p(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "table"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "figure"
            | "address"
            | "hr"
            | "form"
            | "fieldset"
            | "center"
            | "details"
            | "li"
            | "dd"
            | "dt"
    )
}

/// Elements that stop the search for an open element to close implicitly.
fn is_scope_boundary(tag: &str) -> bool {
    matches!(
        tag,
        "html" | "table" | "td" | "th" | "caption" | "button" | "object" | "template" | "marquee"
    )
}

/// Parses HTML text into a [`Dom`]. Never fails; linear in the input size.
pub fn parse(html: &str) -> Dom<'_> {
    let mut dom = Dom {
        nodes: Vec::with_capacity(html.len() / 40 + 16),
        // About one attribute per 64-100 bytes of a news page: rarely a regrowth (each copies).
        attrs: Vec::with_capacity(html.len() / 64 + 16),
    };
    dom.nodes.push(Node {
        data: NodeData::Document,
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
    });
    let mut builder = Builder {
        dom,
        stack: vec![(Dom::ROOT, 0)],
        names: FIXED_TAGS.iter().map(|&t| Cow::Borrowed(t)).collect(),
        ids: FIXED_TAGS
            .iter()
            .enumerate()
            .map(|(i, &t)| (Cow::Borrowed(t), i as u32))
            .collect(),
        open_counts: vec![0; FIXED_TAGS.len()],
        block: FIXED_TAGS.iter().map(|&t| is_block(t)).collect(),
        elements: 0,
    };
    let bytes = html.as_bytes();
    let mut pos = 0;
    let mut text_start = 0;
    while let Some(lt) = find_lt(bytes, pos) {
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        let markup_end = if next == b'!' || next == b'?' {
            builder.text(&html[text_start..lt]);
            Some(skip_declaration(bytes, lt))
        } else if next == b'/' {
            if bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                builder.text(&html[text_start..lt]);
                let (name, end) = read_end_tag(html, lt + 2);
                builder.end_tag(&name);
                Some(end)
            } else if bytes.get(lt + 2) == Some(&b'>') {
                builder.text(&html[text_start..lt]);
                Some(lt + 3)
            } else {
                None
            }
        } else if next.is_ascii_alphabetic() {
            builder.text(&html[text_start..lt]);
            let (element, self_closing, end) = read_start_tag(html, lt + 1, &mut builder.dom.attrs);
            let name = element.name.clone();
            builder.start_tag(element, self_closing);
            if is_raw_text(&name) && !self_closing {
                let (content_end, after) = find_raw_end(html, end, &name);
                let content = &html[end..content_end];
                if !content.is_empty() {
                    let parent = builder.current();
                    if matches!(&*name, "title" | "textarea") {
                        builder.dom.push_text(entities::decode(content), parent);
                    } else {
                        builder.dom.push_text(Cow::Borrowed(content), parent);
                    }
                }
                builder.end_tag(&name);
                Some(after)
            } else {
                Some(end)
            }
        } else {
            None
        };
        match markup_end {
            Some(end) => {
                pos = end.min(bytes.len());
                text_start = pos;
            }
            None => pos = lt + 1,
        }
    }
    builder.text(&html[text_start..]);
    builder.dom
}

/// Tag names the builder asks about by name, interned first so that their ids are constants
/// (the empty name, id 0, stands for the document on the stack).
const FIXED_TAGS: [&str; 9] = ["", "p", "li", "dt", "dd", "tr", "td", "th", "option"];
const TAG_P: u32 = 1;
const TAG_LI: u32 = 2;
const TAG_DT: u32 = 3;
const TAG_DD: u32 = 4;
const TAG_TR: u32 = 5;
const TAG_TD: u32 = 6;
const TAG_TH: u32 = 7;
const TAG_OPTION: u32 = 8;

struct Builder<'a> {
    dom: Dom<'a>,
    /// Open elements: id and interned tag name (an index into `names`).
    stack: Vec<(NodeId, u32)>,
    /// The tag names of open elements so far, by interned id, and the ids by name: one hash
    /// look-up per start and end tag, and the searches of the stack compare integers.
    names: Vec<Cow<'a, str>>,
    ids: std::collections::HashMap<Cow<'a, str>, u32, foldhash::fast::FixedState>,
    /// How many elements of each interned name are open, so an end tag with no open start tag
    /// costs nothing and every search that runs ends in a pop (linear time overall).
    open_counts: Vec<u32>,
    /// Whether each interned name is a block element ([`is_block`]).
    block: Vec<bool>,
    /// Start tags seen so far.
    elements: usize,
}

impl<'a> Builder<'a> {
    /// The interned id of tag `name`, interning it if new.
    fn intern(&mut self, name: Cow<'a, str>) -> u32 {
        if let Some(&id) = self.ids.get(&*name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.block.push(is_block(&name));
        self.names.push(name.clone());
        self.ids.insert(name, id);
        self.open_counts.push(0);
        id
    }

    fn current(&self) -> NodeId {
        self.stack.last().map_or(Dom::ROOT, |(id, _)| *id)
    }

    fn text(&mut self, raw: &'a str) {
        if raw.is_empty() {
            return;
        }
        let (parent, tag) = self.stack.last().copied().unwrap_or((Dom::ROOT, 0));
        // Blank text that opens a block element (the markup's line break and indent after
        // `<div>`, most of a page's text nodes) is not stored: every reader of the tree starts
        // a new block there (text passes trim it, `text_of` puts a space there), so it can never
        // show, and each node costs every later pass.
        if self.dom.nodes[parent as usize].first_child == NONE
            && self.block[tag as usize]
            && raw.bytes().all(|b| b.is_ascii_whitespace())
        {
            return;
        }
        self.dom.push_text(entities::decode(raw), parent);
    }

    /// Pops the open elements from index `i` up.
    fn truncate(&mut self, i: usize) {
        for (_, tag) in self.stack.drain(i..) {
            if let Some(count) = self.open_counts.get_mut(tag as usize) {
                *count = count.saturating_sub(1);
            }
        }
    }

    fn push_open(&mut self, id: NodeId, name: Cow<'a, str>) {
        let tag = self.intern(name);
        self.open_counts[tag as usize] += 1;
        self.stack.push((id, tag));
    }

    /// Closes the nearest open `tag` (one of the `TAG_` ids), searching at most
    /// [`END_TAG_SEARCH`] entries and stopping at scope boundaries and at `stop_at` tags.
    #[inline]
    fn close_implied(&mut self, tag: u32, stop_at: &[&str]) {
        // Nothing to close when no `tag` is open (most `<div>`s close no `<p>`): skip the walk.
        if self.open_counts[tag as usize] != 0 {
            self.close_implied_walk(tag, stop_at);
        }
    }

    /// [`Builder::close_implied`] where a `tag` is open: the walk, out of line.
    #[inline(never)]
    fn close_implied_walk(&mut self, tag: u32, stop_at: &[&str]) {
        let depth = self.stack.len();
        for i in (1..depth).rev().take(END_TAG_SEARCH) {
            let open_tag = self.stack[i].1;
            if open_tag == tag {
                self.truncate(i);
                return;
            }
            let open = &*self.names[open_tag as usize];
            if is_scope_boundary(open) || stop_at.contains(&open) {
                return;
            }
        }
    }

    fn start_tag(&mut self, element: ElementData<'a>, self_closing: bool) {
        self.elements += 1;
        if self.elements > MAX_ELEMENTS && !is_raw_text(&element.name) {
            // Dropped: so are its attributes, the last run of the arena.
            self.dom.attrs.truncate(element.attrs.start as usize);
            return;
        }
        let name: &str = &element.name;
        if closes_p(name) {
            self.close_implied(TAG_P, &[]);
        }
        match name {
            "li" => self.close_implied(TAG_LI, &["ul", "ol", "menu"]),
            "dt" | "dd" => {
                self.close_implied(TAG_DT, &["dl"]);
                self.close_implied(TAG_DD, &["dl"]);
            }
            "tr" => self.close_implied(TAG_TR, &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => {
                for cell in [TAG_TD, TAG_TH] {
                    if self.stack.last().is_some_and(|&(_, t)| t == cell) {
                        self.truncate(self.stack.len() - 1);
                    }
                }
            }
            "option" if self.stack.last().is_some_and(|&(_, t)| t == TAG_OPTION) => {
                self.truncate(self.stack.len() - 1);
            }
            _ => {}
        }
        let void = is_void(name) || (self_closing && !is_raw_text(name));
        let open = !void && (self.stack.len() < MAX_DEPTH || is_raw_text(name));
        // Raw-text content must land inside its element even beyond the depth limit.
        let name = open.then(|| element.name.clone());
        let parent = self.current();
        let id = self.dom.push(NodeData::Element(element), parent);
        if let Some(name) = name {
            self.push_open(id, name);
        }
    }

    #[inline]
    fn end_tag(&mut self, name: &str) {
        // Most end tags close the innermost open element: what the search below finds first.
        let depth = self.stack.len();
        if depth > 1 && *self.names[self.stack[depth - 1].1 as usize] == *name {
            // `truncate(depth - 1)`: one pop, without a drain.
            if let Some((_, tag)) = self.stack.pop() {
                if let Some(count) = self.open_counts.get_mut(tag as usize) {
                    *count = count.saturating_sub(1);
                }
            }
            return;
        }
        self.end_tag_search(name);
    }

    /// [`Builder::end_tag`] of an end tag that does not close the innermost element: the
    /// search of the open elements, out of line.
    #[inline(never)]
    fn end_tag_search(&mut self, name: &str) {
        let depth = self.stack.len();
        let Some(&tag) = self.ids.get(name) else {
            return;
        };
        if self.open_counts[tag as usize] == 0 {
            return;
        }
        for i in (1..depth).rev() {
            if self.stack[i].1 == tag {
                self.truncate(i);
                return;
            }
        }
    }
}

/// The position of the next `<` from `pos`. Most text between two tags is a few bytes (none, or
/// a line break and indent), where a plain look costs less than starting `memchr`.
#[inline]
fn find_lt(bytes: &[u8], pos: usize) -> Option<usize> {
    let rest = bytes.get(pos..)?;
    let near = rest.len().min(16);
    match rest[..near].iter().position(|&b| b == b'<') {
        Some(at) => Some(pos + at),
        None => memchr::memchr(b'<', &rest[near..]).map(|at| pos + near + at),
    }
}

/// Bytes that end a tag name: ASCII whitespace, `>` and `/` (one look-up a byte).
static ENDS_TAG_NAME: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_whitespace() || b == b'>' as usize || b == b'/' as usize;
        b += 1;
    }
    t
};

/// Bytes that end an attribute name: those that end a tag name, and `=`.
static ENDS_ATTR_NAME: [bool; 256] = {
    let mut t = ENDS_TAG_NAME;
    t[b'=' as usize] = true;
    t
};

/// `-->`, searched for once a comment: built once (`memmem::find` builds its searcher at each call
/// on a haystack of 64 bytes or more, as the rest of a page always is).
static COMMENT_END: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"-->"));

/// `</`, searched for through raw-text content (scripts, styles): built once, as [`COMMENT_END`].
static END_TAG_OPEN: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"</"));

/// Skips `<!-- ... -->`, `<!DOCTYPE ...>`, `<![CDATA[...]]>`, `<? ... >`; returns the end.
fn skip_declaration(bytes: &[u8], lt: usize) -> usize {
    let rest = &bytes[lt..];
    if rest.starts_with(b"<!--") {
        return match COMMENT_END.find(&rest[4..]) {
            Some(at) => lt + 4 + at + 3,
            None => bytes.len(),
        };
    }
    match memchr::memchr(b'>', rest) {
        Some(at) => lt + at + 1,
        None => bytes.len(),
    }
}

/// Reads `name ...>` after `</`; returns the lower-cased name and the position after `>`.
fn read_end_tag(html: &str, start: usize) -> (Cow<'_, str>, usize) {
    let bytes = html.as_bytes();
    let name_end = start
        + bytes[start..]
            .iter()
            .take_while(|&&b| !ENDS_TAG_NAME[usize::from(b)])
            .count();
    let name = lower(&html[start..name_end]);
    // Nearly every end tag closes right after its name.
    let end = if bytes.get(name_end) == Some(&b'>') {
        name_end + 1
    } else {
        match memchr::memchr(b'>', &bytes[name_end..]) {
            Some(at) => name_end + at + 1,
            None => bytes.len(),
        }
    };
    (name, end)
}

/// Reads a start tag after `<`, appending its attributes to `attrs`; returns the element, whether
/// it ended in `/>`, and the position after `>`.
fn read_start_tag<'a>(
    html: &'a str,
    start: usize,
    attrs: &mut Vec<Attr<'a>>,
) -> (ElementData<'a>, bool, usize) {
    let bytes = html.as_bytes();
    let len = bytes.len();
    let mut i = start;
    while i < len && !ENDS_TAG_NAME[usize::from(bytes[i])] {
        i += 1;
    }
    let name = lower(&html[start..i]);
    let first = attrs.len();
    let mut seen = 0u32;
    let mut self_closing = false;
    loop {
        while i < len && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        if i >= len {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        self_closing = false;
        let name_start = i;
        // An attribute name may start with '=' (tolerated) but runs to whitespace, '/', '>' or '='.
        i += 1;
        while i < len && !ENDS_ATTR_NAME[usize::from(bytes[i])] {
            i += 1;
        }
        // Only the attributes extraction reads are kept (see [`kept_attr`]): the rest (`src`,
        // `alt`, `data-*`, event handlers, ...) are skipped without decoding their values.
        let kept = kept_attr_index(&bytes[name_start..i]);
        while i < len && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = (i, i);
        if i < len && bytes[i] == b'=' {
            i += 1;
            while i < len && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < len && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let value_start = i + 1;
                let value_end = match memchr::memchr(quote, &bytes[value_start..]) {
                    Some(at) => value_start + at,
                    None => len,
                };
                value = (value_start, value_end);
                i = (value_end + 1).min(len);
            } else {
                let value_start = i;
                while i < len && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = (value_start, i);
            }
        }
        let Some(kept) = kept else { continue };
        // The first of each name is kept, found by its bit in `seen` (not by comparing names).
        let bit = 1u32 << kept;
        if seen & bit == 0 {
            seen |= bit;
            let value = entities::decode(&html[value.0..value.1]);
            attrs.push((Cow::Borrowed(KEPT_KEYS[kept].1), value));
        }
    }
    // At most one attribute of each kept name an element ([`KEPT_ATTRS`]: 18): 2^32 of them would
    // need far more memory than a page has.
    let range = first as u32..attrs.len() as u32;
    (ElementData { name, attrs: range }, self_closing, i)
}

/// The attributes some pass over the tree reads ([`Element::attr`]), lower-case. A name outside
/// this list is not stored: a news page's elements carry many more (`src`, `alt`, `width`,
/// `data-*`, `onclick`, ...), and decoding and storing them was a fifth of tree building. A
/// pass that reads a new attribute must add it here (a test checks the list against the code).
pub const KEPT_ATTRS: [&str; 18] = [
    "aria-hidden",
    "class",
    "content",
    "datetime",
    "hidden",
    "href",
    "http-equiv",
    "id",
    "itemprop",
    "lang",
    "name",
    "property",
    "pubdate",
    "rel",
    "role",
    "style",
    "type",
    "value",
];

/// The kept attribute (see [`KEPT_ATTRS`]) that `name` spells in any ASCII case, if any. The
/// name's bytes, each OR-ed with 0x20, are packed into one integer and compared with the
/// candidates' keys: an integer compare a candidate instead of a byte-by-byte case fold. The
/// fold is exact here: a candidate byte is a lower-case letter, whose only other spelling under
/// OR 0x20 is its upper case, or `-`, whose other one is `\r`, which ends a name.
#[cfg(test)]
fn kept_attr(name: &[u8]) -> Option<&'static str> {
    kept_attr_index(name).map(|i| KEPT_KEYS[i].1)
}

/// [`kept_attr`] as an index into [`KEPT_KEYS`] (under 32: one bit of a mask an element).
#[inline]
fn kept_attr_index(name: &[u8]) -> Option<usize> {
    let (first, last) = match name.len() {
        2 => (0, 1),
        3 => (1, 2),
        4 => (2, 7),
        5 => (7, 10),
        6 => (10, 11),
        7 => (11, 13),
        8 => (13, 16),
        10 => (16, 17),
        11 => (17, 18),
        _ => return None,
    };
    let key = name
        .iter()
        .fold(0u128, |k, &b| (k << 8) | u128::from(b | 0x20));
    KEPT_KEYS[first..last]
        .iter()
        .position(|&(k, _)| k == key)
        .map(|at| first + at)
}

/// Each kept name is one bit of `read_start_tag`'s mask of the names an element has shown.
const _: () = assert!(KEPT_KEYS.len() <= 32);

/// [`KEPT_ATTRS`] by length (the slices [`kept_attr`] takes), each with its packed key.
const KEPT_KEYS: [(u128, &str); 18] = {
    const NAMES: [&str; 18] = [
        "id",
        "rel",
        "href",
        "lang",
        "name",
        "role",
        "type",
        "class",
        "style",
        "value",
        "hidden",
        "content",
        "pubdate",
        "datetime",
        "itemprop",
        "property",
        "http-equiv",
        "aria-hidden",
    ];
    let mut keys = [(0u128, ""); 18];
    let mut i = 0;
    while i < NAMES.len() {
        let bytes = NAMES[i].as_bytes();
        let mut key = 0u128;
        let mut j = 0;
        while j < bytes.len() {
            key = (key << 8) | (bytes[j] | 0x20) as u128;
            j += 1;
        }
        keys[i] = (key, NAMES[i]);
        i += 1;
    }
    keys
};

fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Finds the end of raw-text content: the position of `</name` (case-insensitive) and the
/// position after its `>`; the end of input when missing.
fn find_raw_end(html: &str, from: usize, name: &str) -> (usize, usize) {
    let bytes = html.as_bytes();
    if name == "plaintext" {
        return (bytes.len(), bytes.len());
    }
    let mut pos = from;
    let end_tag = &*END_TAG_OPEN;
    while let Some(at) = end_tag.find(&bytes[pos..]) {
        let start = pos + at;
        let after = start + 2;
        let candidate = bytes.get(after..after + name.len());
        let boundary = bytes
            .get(after + name.len())
            .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/');
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) && boundary {
            let end = match memchr::memchr(b'>', &bytes[after..]) {
                Some(gt) => after + gt + 1,
                None => bytes.len(),
            };
            return (start, end);
        }
        pos = after;
    }
    (bytes.len(), bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(dom: &Dom) -> Vec<String> {
        (0..dom.nodes.len() as NodeId)
            .filter_map(|i| dom.element(i).map(|e| e.name.to_string()))
            .collect()
    }

    #[test]
    fn builds_tree_with_attributes_and_text() {
        let dom = parse(
            r#"<!DOCTYPE html><HTML lang=en><body><div class="story body" id='main'>
            <P>Officials said &ldquo;no&rdquo; on Monday.<p>Second <a href="/x?a=1&amp;b=2">link</a></div>"#,
        );
        assert_eq!(tags(&dom), ["html", "body", "div", "p", "p", "a"]);
        let div = (0..dom.nodes.len() as NodeId)
            .find(|&i| dom.tag(i) == "div")
            .unwrap();
        let e = dom.element(div).unwrap();
        assert_eq!(e.attr("class"), Some("story body"));
        assert_eq!(e.attr("id"), Some("main"));
        let ps: Vec<_> = dom.children(div).filter(|&c| dom.tag(c) == "p").collect();
        assert_eq!(ps.len(), 2, "second <p> closes the first");
        assert_eq!(dom.text_of(ps[0]), "Officials said “no” on Monday.");
        let a = (0..dom.nodes.len() as NodeId)
            .find(|&i| dom.tag(i) == "a")
            .unwrap();
        assert_eq!(dom.element(a).unwrap().attr("href"), Some("/x?a=1&b=2"));
    }

    #[test]
    fn script_content_is_raw_and_comments_skipped() {
        let dom = parse(
            "<p>a<!-- <p>hidden</p> -->b</p><script>if (a < b && c) { x = '</p>'; }</script><p>c</p>",
        );
        assert_eq!(tags(&dom), ["p", "script", "p"]);
        let script = (0..dom.nodes.len() as NodeId)
            .find(|&i| dom.tag(i) == "script")
            .unwrap();
        let text = match &dom.node(dom.node(script).first_child).data {
            NodeData::Text(t) => t.to_string(),
            _ => String::new(),
        };
        assert_eq!(text, "if (a < b && c) { x = '</p>'; }");
        assert_eq!(dom.text_of(Dom::ROOT), "ab c");
    }

    #[test]
    fn keeps_only_the_attributes_extraction_reads() {
        let dom = parse(
            r#"<div CLASS="story" data-id="7" onclick="go()" ID=main Style="x" class="again">
            <img src="a.jpg" alt="A &amp; B" width=10><a HREF="/x" rel=author title="t">x</a>"#,
        );
        let attrs = |tag: &str| {
            let id = (0..dom.nodes.len() as NodeId)
                .find(|&i| dom.tag(i) == tag)
                .unwrap();
            let e = dom.element(id).unwrap();
            e.attrs
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(attrs("div"), ["class=story", "id=main", "style=x"]);
        assert!(attrs("img").is_empty());
        assert_eq!(attrs("a"), ["href=/x", "rel=author"]);
        // Every attribute a pass of this crate asks for by name is one the builder keeps.
        for source in [
            include_str!("content.rs"),
            include_str!("metadata.rs"),
            include_str!("lib.rs"),
        ] {
            for (at, _) in source.match_indices("attr(\"") {
                let rest = &source[at + 6..];
                let name = &rest[..rest.find('"').unwrap()];
                assert!(
                    KEPT_ATTRS.contains(&name),
                    "attribute {name} is read but not kept"
                );
            }
        }
        for name in KEPT_ATTRS {
            assert_eq!(kept_attr(name.to_ascii_uppercase().as_bytes()), Some(name));
        }
        // The packed keys answer as a byte-by-byte case fold would, for every byte value put
        // in every position of every kept name.
        let by_fold = |name: &[u8]| {
            KEPT_ATTRS
                .iter()
                .copied()
                .find(|k| k.as_bytes().eq_ignore_ascii_case(name))
        };
        for &(_, kept) in &KEPT_KEYS {
            assert!(KEPT_ATTRS.contains(&kept), "{kept} is in KEPT_ATTRS");
            for at in 0..kept.len() {
                for b in 0..=255u8 {
                    let mut name = kept.as_bytes().to_vec();
                    name[at] = b;
                    if !ENDS_ATTR_NAME[usize::from(b)] || at == 0 {
                        assert_eq!(kept_attr(&name), by_fold(&name), "{name:?}");
                    }
                }
            }
        }
        assert_eq!(kept_attr(b"data-id"), None);
        assert_eq!(kept_attr(b"src"), None);
    }

    #[test]
    fn bounded_text_is_the_text_where_short_enough() {
        let dom = parse(
            "<div class=date>\n  <span>Posted</span> <b>June\u{a0}5,</b>\t2024<script>var x = 1;</script></div>\
             <p>A long paragraph of the story, far longer than any date line would ever be.</p>",
        );
        for id in 0..dom.nodes.len() as NodeId {
            for limit in [0, 1, 5, 12, 17, 18, 40, 200] {
                assert_eq!(
                    dom.text_of_shorter_than(id, limit),
                    Some(dom.text_of(id)).filter(|t| t.len() < limit),
                    "node {id}, limit {limit}"
                );
            }
        }
    }

    #[test]
    fn blank_text_opening_a_block_is_not_stored() {
        let dom =
            parse("<div>\n  <p>\n    One <a>two</a> <a>three</a>\n  </p>\n</div><span> </span>");
        let texts: Vec<&str> = dom
            .nodes
            .iter()
            .filter_map(|n| match &n.data {
                NodeData::Text(t) => Some(&**t),
                _ => None,
            })
            .collect();
        // The blanks after `<div>` and `<p>` go; the one between the links and the inline
        // `<span>`'s stay.
        assert_eq!(
            texts,
            ["\n    One ", "two", " ", "three", "\n  ", "\n", " "]
        );
        assert_eq!(dom.text_of(Dom::ROOT), "One two three");
    }

    #[test]
    fn list_items_and_cells_close_implicitly() {
        let dom = parse("<ul><li>one<li>two</ul><table><tr><td>a<td>b<tr><td>c</table>");
        let lis: Vec<_> = (0..dom.nodes.len() as NodeId)
            .filter(|&i| dom.tag(i) == "li")
            .collect();
        assert_eq!(lis.len(), 2);
        assert_eq!(dom.node(lis[0]).parent, dom.node(lis[1]).parent);
        let trs = (0..dom.nodes.len() as NodeId)
            .filter(|&i| dom.tag(i) == "tr")
            .count();
        assert_eq!(trs, 2);
        let tds: Vec<_> = (0..dom.nodes.len() as NodeId)
            .filter(|&i| dom.tag(i) == "td")
            .collect();
        assert_eq!(dom.node(tds[0]).parent, dom.node(tds[1]).parent);
    }

    #[test]
    fn truncated_and_broken_markup() {
        for html in [
            "<div><p>Unclosed paragraph",
            "<p>text <a href=\"unterminated",
            "<p>text <!-- open comment",
            "<script>never closed",
            "</div></p>stray end tags",
            "a < b and c > d",
            "<",
            "<p",
            "<//>",
            "< p>",
        ] {
            let dom = parse(html);
            assert!(!dom.nodes.is_empty(), "{html}");
        }
        assert_eq!(parse("a < b and c > d").nodes.len(), 2);
        assert_eq!(dom_text("<div><p>Unclosed paragraph"), "Unclosed paragraph");
        assert_eq!(dom_text("</div></p>stray end tags"), "stray end tags");
    }

    fn dom_text(html: &str) -> String {
        parse(html).text_of(Dom::ROOT)
    }

    #[test]
    fn single_spaces_between_words_are_copied_with_them() {
        for s in [
            "The mayor said so.",
            "  two  spaces and\ta tab ",
            "a b",
            " a",
            "a ",
            "end of run \u{a0}then more",
            "x  y z\n\nw",
            "",
            " ",
        ] {
            let (text, chars) = collapse_whitespace_counted(s);
            let words: Vec<&str> = s
                .split(|c: char| c.is_whitespace() || c == '\u{0}' || c == '\u{200B}')
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(text, words.join(" "), "{s:?}");
            assert_eq!(chars, text.chars().filter(|c| *c != ' ').count(), "{s:?}");
        }
    }

    #[test]
    fn whitespace_collapses_to_single_spaces() {
        assert_eq!(
            collapse_whitespace("  a\t\r\n b\u{a0}\u{200B}c\u{0}d\u{2009}–  e\u{b}\u{c}f "),
            "a b c d – e f"
        );
        assert_eq!(collapse_whitespace("\u{1c}x\u{85}"), "\u{1c}x");
        assert_eq!(collapse_whitespace(""), "");
        let (text, chars) = collapse_whitespace_counted(" a\u{a0}é  b\u{2009}–\n");
        assert_eq!((text.as_str(), chars), ("a é b –", 4));
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let depth = 100_000;
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let dom = parse(&html);
        assert_eq!(dom.nodes.len(), depth + 2);
        let mut max_depth = 0;
        for id in 0..dom.nodes.len() as NodeId {
            let mut d = 0;
            let mut p = dom.node(id).parent;
            while p != NONE && d <= MAX_DEPTH + 2 {
                d += 1;
                p = dom.node(p).parent;
            }
            max_depth = max_depth.max(d);
        }
        assert!(max_depth <= MAX_DEPTH + 1, "depth {max_depth}");
        assert_eq!(dom.text_of(Dom::ROOT), "deep text");
    }
}

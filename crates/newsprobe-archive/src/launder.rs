//! A seeded generator of laundering rewrites over real article text: the test bed of `trace`.
//!
//! Each rewrite draws on 1-3 same-story source articles (ECB+ documents of one subtopic), keeps a
//! few of their sentences and paraphrases most (synonyms, moved attributions and opening
//! phrases, dropped relative clauses, merged and split sentences), then applies known operations,
//! one per sentence, each recorded with its span: numbers scaled, dates moved, hedges and
//! attributions dropped, descriptors changed ("former" added or removed, another role), quotes
//! altered or given to another speaker, invented quotes and claims, anonymous sourcing added,
//! the setting changed, the headline made sensational. Some rewrites get a near-copy, published
//! after them. Everything else in the document pool is a distractor.

use crate::synth::Rng;

/// A change the generator made on purpose: its kind (the `trace` change kind) and where it is
/// in the rewrite (code points; `in_title` for the headline).
#[derive(Debug, Clone, PartialEq)]
pub struct Planted {
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub in_title: bool,
}

/// A source document of the pool.
#[derive(Debug, Clone)]
pub struct PoolDoc {
    pub id: String,
    pub story: String,
    pub title: String,
    pub sentences: Vec<String>,
}

/// One generated rewrite and what is known about it.
#[derive(Debug, Clone)]
pub struct Rewrite {
    pub id: String,
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
    pub planted: Vec<Planted>,
    /// A near-copy of the rewrite (id, title, text), published after it.
    pub near_copy: Option<(String, String, String)>,
    /// The sentences taken from each source (before paraphrase), by source id.
    pub used: Vec<(String, Vec<String>)>,
}

const SYNONYMS: &[(&str, &str)] = &[
    ("arrested", "detained"),
    ("announced", "revealed"),
    ("began", "started"),
    ("large", "sizeable"),
    ("major", "significant"),
    ("people", "individuals"),
    ("building", "structure"),
    ("attack", "assault"),
    ("officials", "authorities"),
    ("residents", "locals"),
    ("injured", "wounded"),
    ("died", "perished"),
    ("car", "vehicle"),
    ("house", "residence"),
    ("city", "town"),
    ("area", "region"),
    ("after", "following"),
    ("because", "since"),
    ("also", "additionally"),
    ("many", "numerous"),
    ("company", "firm"),
    ("rose", "climbed"),
    ("hit", "struck"),
    ("quickly", "rapidly"),
    ("bought", "acquired"),
    ("agreed", "consented"),
    ("fire", "blaze"),
    ("biggest", "largest"),
    ("found", "discovered"),
    ("leader", "head"),
    ("started", "launched"),
    ("left", "departed"),
    ("wanted", "sought"),
    ("deal", "agreement"),
    ("talks", "negotiations"),
    ("team", "squad"),
    ("won", "secured"),
    ("killed", "slain"),
    ("show", "programme"),
    ("near", "close to"),
    ("help", "assistance"),
    ("received", "got"),
    ("previously", "earlier"),
    ("however", "nevertheless"),
    ("hospital", "medical centre"),
    ("victims", "casualties"),
    ("shooting", "gun attack"),
    ("earthquake", "quake"),
    ("actress", "star"),
    ("actor", "performer"),
    ("film", "movie"),
    ("suspect", "alleged perpetrator"),
    ("launched", "unveiled"),
    ("reported", "said"),
    ("top", "leading"),
    ("late", "recent"),
    ("recently", "lately"),
    ("big", "major"),
    ("home", "house"),
    ("children", "kids"),
    ("police", "law enforcement"),
    ("job", "post"),
    ("role", "part"),
    ("fired", "dismissed"),
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "director",
    "minister",
    "chief",
    "president",
    "commissioner",
    "lawyer",
    "representative",
    "manager",
    "coach",
    "governor",
    "mayor",
    "officer",
    "secretary",
    "executive",
    "ambassador",
    "analyst",
];
const INVENTED_SPEAKERS: &[&str] = &[
    "Daniel Okafor",
    "Marta Lindqvist",
    "Tomasz Wierzba",
    "Ines Carvalho",
    "Rafael Montes",
    "Helga Brandt",
];
const ANON: &[&str] = &[
    "according to a senior official who spoke on condition of anonymity",
    "according to people familiar with the matter",
    "an insider told this outlet",
    "according to a source close to the investigation",
    "sources with knowledge of the case said",
];
const SETTINGS: &[&str] = &[
    "in a closed-door meeting",
    "in a leaked recording",
    "in a private briefing",
    "in a secret memo",
    "at a closed session",
];
const FEARS: &[&str] = &[
    "The authorities are hiding the true scale of the disaster from the public.",
    "Experts warn that the crisis will spread to neighbouring regions within days.",
    "A cover-up is already under way at the highest level.",
    "Panic is growing as officials refuse to answer questions about what really happened.",
    "Critics say the full truth will never be allowed to come out.",
];
const INVENTED_QUOTES: &[&str] = &[
    "This is only the beginning, and nobody is prepared for what comes next",
    "They knew about it for months and did nothing to stop it",
    "We are facing a catastrophe that the government refuses to admit",
    "Everyone here is terrified, and no one is telling us the truth",
];
const HEADLINE: &[&str] = &["SHOCK: ", "BREAKING: ", "Panic as ", "EXPOSED: "];
const HEDGE_SWAPS: &[(&str, &str)] = &[
    ("could", "will"),
    ("might", "will"),
    ("may", "will"),
    ("reportedly ", ""),
    ("allegedly ", ""),
    ("possibly ", ""),
    ("probably ", ""),
    ("apparently ", ""),
    ("likely to", "set to"),
    ("about ", ""),
    ("nearly ", ""),
    ("around ", ""),
];

fn cap_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn low_first(s: &str) -> String {
    // Lower-case an opening function word only ("The", "He"), never a name.
    let first = s.split_whitespace().next().unwrap_or("");
    if matches!(
        first,
        "The" | "A" | "An" | "He" | "She" | "They" | "It" | "This" | "That" | "We" | "His" | "Her"
    ) {
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        s.to_string()
    }
}

/// Byte ranges of the quoted parts of a sentence.
fn quote_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c == '"' || c == '“' || c == '”' {
            match open {
                None if c != '”' => open = Some(i),
                Some(o) if c != '“' => {
                    out.push((o, i + c.len_utf8()));
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

fn outside_quotes(s: &str, at: usize) -> bool {
    !quote_ranges(s).iter().any(|&(a, b)| at >= a && at < b)
}

/// Replaces whole word `from` by `to` at its first occurrence outside quotes.
fn replace_word(s: &str, from: &str, to: &str) -> Option<String> {
    let mut start = 0;
    while let Some(off) = s[start..].find(from) {
        let i = start + off;
        let j = i + from.len();
        let before_ok = i == 0
            || !s[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let after_ok = !s[j..].chars().next().is_some_and(char::is_alphanumeric);
        if before_ok && after_ok && outside_quotes(s, i) {
            return Some(format!("{}{}{}", &s[..i], to, &s[j..]));
        }
        start = j;
    }
    None
}

/// Paraphrases a sentence: synonyms, a moved opening phrase, a moved attribution, a dropped
/// relative clause. Quoted words are never touched.
fn paraphrase(rng: &mut Rng, s: &str) -> String {
    let mut out = s.trim().to_string();
    for (a, b) in SYNONYMS {
        if rng.chance(0.85) {
            if let Some(r) = replace_word(&out, a, b) {
                out = r;
            }
        }
    }
    if quote_ranges(&out).is_empty() {
        // ", which ..., " / ", who ..., " dropped.
        for rel in [", which ", ", who ", ", where "] {
            if let Some(i) = out.find(rel) {
                if let Some(k) = out[i + rel.len()..].find(", ") {
                    let cut_end = i + rel.len() + k;
                    let clause = &out[i..cut_end];
                    if !clause.chars().any(|c| c.is_ascii_digit()) && rng.chance(0.7) {
                        out = format!("{}{}", &out[..i], &out[cut_end..]);
                    }
                }
            }
        }
        // "<A>, <Name> said." → "<Name> said <a>."
        let body = out.trim_end_matches('.');
        if let Some(i) = body.rfind(", ") {
            let tail = &body[i + 2..];
            let tw: Vec<&str> = tail.split_whitespace().collect();
            if (2..=4).contains(&tw.len()) && tw.last() == Some(&"said") && rng.chance(0.8) {
                out = format!(
                    "{} said {}.",
                    tw[..tw.len() - 1].join(" "),
                    low_first(&body[..i])
                );
                out = cap_first(&out);
            }
        }
        // "On Tuesday, X" / "In Y, X" → "X on Tuesday" / "X in Y".
        if let Some(i) = out.find(", ") {
            let head = out[..i].to_string();
            let hw = head.split_whitespace().count();
            let opener = head.split_whitespace().next().unwrap_or("");
            if hw <= 5
                && matches!(
                    opener,
                    "On" | "In" | "At" | "During" | "Earlier" | "Last" | "Following" | "After"
                )
                && rng.chance(0.8)
            {
                let rest = out[i + 2..].trim_end_matches('.').to_string();
                out = format!("{} {}.", cap_first(&rest), head.to_lowercase());
                // Names in the moved phrase keep their capitals.
                out = restore_caps(&out, &head);
            }
        }
    }
    out
}

fn restore_caps(s: &str, original: &str) -> String {
    let mut out = s.to_string();
    for w in original.split_whitespace().skip(1) {
        if w.chars().next().is_some_and(char::is_uppercase) {
            let low = w.to_lowercase();
            if let Some(r) = replace_word(&out, &low, w) {
                out = r;
            }
        }
    }
    out
}

/// The sentence with its attribution cut: "<A>, <X> said.", "<X> said (that) <A>.",
/// "According to X, <A>." → "<A>."
fn drop_attribution(s: &str) -> Option<String> {
    let body = s.trim_end_matches('.');
    // "<A>, <X> said."
    if let Some(i) = body.rfind(", ") {
        let tw = words_of(&body[i + 2..]);
        if (1..=4).contains(&tw.len()) && matches!(tw.last(), Some(&"said") | Some(&"says")) {
            return Some(format!("{}.", &body[..i]));
        }
    }
    // "<X> said (that) <A>."
    let ws = words_of(body);
    if let Some(k) = ws.iter().take(5).position(|w| *w == "said" || *w == "says") {
        if k >= 1 && ws.len() > k + 4 {
            let mut rest = &ws[k + 1..];
            if rest.first() == Some(&"that") {
                rest = &rest[1..];
            }
            return Some(format!("{}.", cap_first(&rest.join(" "))));
        }
    }
    // "According to X, A."
    if body.starts_with("According to ") {
        if let Some(i) = body.find(", ") {
            return Some(format!("{}.", cap_first(&body[i + 2..])));
        }
    }
    None
}

/// Whether a sentence still attributes what it says to someone.
fn still_attributed(s: &str) -> bool {
    let lower = s.to_lowercase();
    lower.contains("according to")
        || words_of(&lower).iter().any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "said"
                    | "says"
                    | "say"
                    | "told"
                    | "tells"
                    | "added"
                    | "reported"
                    | "stated"
                    | "announced"
                    | "claimed"
                    | "insisted"
                    | "saying"
            )
        })
}

/// The byte range of the speaker's name beside the speech verb of a quote, outside the quote.
fn speaker_run(s: &str, qr: &[(usize, usize)]) -> Option<(usize, usize)> {
    const VERBS: &[&str] = &[
        "said", "says", "told", "tells", "added", "insisted", "stated",
    ];
    // Words with byte offsets, outside quotes only.
    let mut ws: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let part = c.is_alphanumeric() || c == '\'' || c == '.' || c == '-';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                ws.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    let word = |k: usize| s[ws[k].0..ws[k].1].trim_end_matches('.');
    let cap = |k: usize| {
        let w = word(k);
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && qr.iter().all(|&(a, b)| ws[k].0 < a || ws[k].0 >= b)
    };
    // Adjacent words only: nothing but spaces between them.
    let joined = |k: usize| s[ws[k].1..ws[k + 1].0].trim().is_empty();
    for v in 0..ws.len() {
        if !VERBS.contains(&word(v)) || qr.iter().any(|&(a, b)| ws[v].0 >= a && ws[v].0 < b) {
            continue;
        }
        // Before the verb: "Irannejad said".
        let mut k = v;
        while k > 0 && cap(k - 1) && joined(k - 1) {
            k -= 1;
        }
        if k < v {
            return Some((ws[k].0, ws[v - 1].1));
        }
        // After it: "said Anna Berg".
        let mut e = v;
        while e + 1 < ws.len() && cap(e + 1) && joined(e) {
            e += 1;
        }
        // The whole name only: it ends the clause ("said Anna Berg, the …"), else the
        // capitalised words are an organisation before the real name ("said Microsoft
        // security chief Jan Budd").
        let end = ws.get(e).map_or(0, |w| w.0 + word(e).len());
        let closes =
            s[end..].trim_start().starts_with([',', '.', ';']) || s[end..].trim().is_empty();
        if e > v && closes {
            return Some((ws[v + 1].0, end));
        }
    }
    None
}

fn words_of(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Applies a change of `kind` to a sentence, when the sentence allows it.
fn operate(rng: &mut Rng, kind: &str, s: &str, names: &[String]) -> Option<String> {
    let qr = quote_ranges(s);
    match kind {
        "number_changed" => {
            let ws = words_of(s);
            for (k, w) in ws.iter().enumerate() {
                let core = w.trim_matches(|c: char| !c.is_ascii_digit());
                let prev = if k > 0 { ws[k - 1] } else { "" };
                let next = ws.get(k + 1).copied().unwrap_or("");
                let datey = MONTHS
                    .iter()
                    .any(|m| prev.starts_with(m) || next.starts_with(m))
                    || prev.starts_with("May")
                    || prev.starts_with("March")
                    || next.starts_with("May")
                    || next.starts_with("March");
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                if core.is_empty() || core != bare || core.len() > 6 || datey {
                    continue;
                }
                let Ok(n) = core.parse::<u64>() else { continue };
                if (1900..=2100).contains(&n) {
                    continue;
                }
                let new = match rng.below(3) {
                    0 => (n * 10).to_string(),
                    1 if n < 100 => "hundreds of".to_string(),
                    _ => (n + 3 + n / 2).to_string(),
                };
                let at = s.find(w)?;
                if !outside_quotes(s, at) {
                    continue;
                }
                let new_w = w.replacen(core, &new, 1);
                return Some(format!("{}{}{}", &s[..at], new_w, &s[at + w.len()..]));
            }
            None
        }
        "date_changed" => {
            for (list, shift) in [(WEEKDAYS, 2usize), (MONTHS, 3)] {
                for (i, d) in list.iter().enumerate() {
                    if let Some(r) = replace_word(s, d, list[(i + shift) % list.len()]) {
                        return Some(r);
                    }
                }
            }
            None
        }
        "hedge_removed" => {
            for (h, to) in HEDGE_SWAPS {
                let hw = h.trim_end();
                // "about", "nearly", "around" hedge a number only ("about 40 people").
                if matches!(hw, "about" | "nearly" | "around") {
                    let ws = words_of(s);
                    let hit = ws
                        .windows(2)
                        .find(|w| w[0] == hw && w[1].starts_with(|c: char| c.is_ascii_digit()));
                    match hit {
                        Some(w) => {
                            let pat = format!("{} {}", w[0], w[1]);
                            if let Some(i) = s.find(&pat) {
                                if outside_quotes(s, i) {
                                    return Some(s.replacen(&pat, w[1], 1));
                                }
                            }
                            continue;
                        }
                        None => continue,
                    }
                }
                if let Some(r) = replace_word(s, hw, to.trim_end()) {
                    return Some(r.replace("  ", " "));
                }
            }
            None
        }
        "attribution_dropped" => {
            if !qr.is_empty() {
                return None;
            }
            // The claim must read as fact afterwards: a sentence that still attributes (another
            // "said", "according to", a merged clause's speaker) kept its sourcing.
            drop_attribution(s).filter(|r| !still_attributed(r))
        }
        "descriptor_changed" => {
            let ws = words_of(s);
            for k in 0..ws.len().saturating_sub(1) {
                let w = ws[k]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                let next = ws[k + 1];
                if ROLES.contains(&w.as_str())
                    && next.chars().next().is_some_and(char::is_uppercase)
                    && ws[k].chars().all(|c| c.is_alphabetic())
                {
                    let prev = if k > 0 { ws[k - 1] } else { "" };
                    let repl = if prev == "former" {
                        None
                    } else if rng.chance(0.5) {
                        Some(format!("former {}", ws[k]))
                    } else {
                        let other = ROLES[(ROLES.iter().position(|r| *r == w)? + 1 + rng.below(5))
                            % ROLES.len()];
                        Some(other.to_string())
                    };
                    let mut v: Vec<String> = ws.iter().map(|x| x.to_string()).collect();
                    match repl {
                        Some(r) => v[k] = r,
                        None => {
                            v.remove(k - 1);
                        }
                    }
                    return Some(v.join(" "));
                }
            }
            None
        }
        "quote_altered" => {
            let &(a, b) = qr
                .iter()
                .find(|(a, b)| s[*a..*b].split_whitespace().count() >= 5)?;
            let ol = s[a..].chars().next().map_or(1, char::len_utf8);
            let cl = s[..b].chars().next_back().map_or(1, char::len_utf8);
            let inner = s.get(a + ol..b.saturating_sub(cl)).unwrap_or("");
            let iw = words_of(inner);
            let new_inner = match rng.below(3) {
                0 => format!(
                    "{}, and it is a disaster",
                    inner.trim_end_matches([',', '.'])
                ),
                1 => {
                    // Words cut from the middle (the ends kept).
                    let cut = (iw.len() / 3).max(1);
                    let from = iw.len() / 3;
                    let mut v = iw[..from].to_vec();
                    v.extend_from_slice(&iw[(from + cut).min(iw.len())..]);
                    v.join(" ")
                }
                _ => {
                    // One content word replaced.
                    let k = iw.iter().rposition(|w| w.len() > 4)?;
                    let mut v: Vec<&str> = iw.clone();
                    v[k] = "catastrophic";
                    v.join(" ")
                }
            };
            Some(format!("{}\"{}\"{}", &s[..a], new_inner, &s[b..]))
        }
        "speaker_changed" => {
            qr.iter()
                .find(|(a, b)| s[*a..*b].split_whitespace().count() >= 4)?;
            let _ = names;
            // The speaker of the quote: the run of capitalised words right before or after the
            // speech verb next to it ("…," Qeshm Governor Mehdi Irannejad said / said Anna
            // Berg, / Berg said: "…"), replaced whole by another person's name.
            let (a, b) = speaker_run(s, &qr)?;
            let other = INVENTED_SPEAKERS[rng.below(INVENTED_SPEAKERS.len())];
            Some(format!("{}{}{}", &s[..a], other, &s[b..]))
        }
        "setting_changed" => {
            let setting = SETTINGS[rng.below(SETTINGS.len())];
            let body = s.trim_end_matches('.');
            // "…," the minister said. → "…," the minister said in a private briefing.
            if !qr.is_empty() {
                let after_quotes = qr.iter().all(|&(_, e)| e < body.len());
                return (after_quotes && (body.ends_with(" said") || body.ends_with(" says")))
                    .then(|| format!("{body} {setting}."));
            }
            for d in WEEKDAYS {
                let pat = format!("said on {d}");
                if s.contains(&pat) {
                    return Some(s.replacen(&pat, &format!("said {setting}"), 1));
                }
            }
            let body = s.trim_end_matches('.');
            if body.ends_with(" said") {
                return Some(format!("{body} {setting}."));
            }
            None
        }
        "source_added" => {
            if !qr.is_empty() {
                return None;
            }
            let body = s.trim_end_matches('.');
            Some(format!("{body}, {}.", ANON[rng.below(ANON.len())]))
        }
        _ => None,
    }
}

/// Whether a quotation opened in `before` is still open (so what follows is quoted words).
fn open_quote(before: &str) -> bool {
    before.matches('"').count() % 2 == 1
        || before.matches('“').count() > before.matches('”').count()
}

/// Whether a sentence is plain narration: no quote marks, and not inside an open quotation.
fn plain(before: &str, s: &str) -> bool {
    !open_quote(before) && !s.contains(['"', '“', '”'])
}

/// Splits an ECB+-style text (one sentence a line) into title and sentences.
pub fn split_doc(text: &str) -> (String, Vec<String>) {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or("").to_string();
    (title, lines.map(String::from).collect())
}

/// The change kinds the generator plants.
pub const KINDS: &[&str] = &[
    "number_changed",
    "date_changed",
    "hedge_removed",
    "attribution_dropped",
    "descriptor_changed",
    "quote_altered",
    "speaker_changed",
    "setting_changed",
    "source_added",
    "quote_unsourced",
    "unsupported_claim",
    "headline_escalated",
];

/// Capitalised two-word names of a text ("Tara Reid").
fn names_in(sentences: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sentences {
        let ws = words_of(s);
        for k in 1..ws.len().saturating_sub(1) {
            let (a, b) = (ws[k], ws[k + 1].trim_end_matches([',', '.', '\'']));
            let cap = |w: &str| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).all(char::is_lowercase)
                    && w.len() > 2
            };
            if cap(a) && cap(b) && !out.contains(&format!("{a} {b}")) {
                out.push(format!("{a} {b}"));
            }
        }
    }
    out
}

/// A place between sentences that is outside every quotation.
fn free_slot(rng: &mut Rng, sents: &[String]) -> usize {
    let n = sents.len() + 1;
    let off = rng.below(n);
    (0..n)
        .map(|t| (off + t) % n)
        .find(|&k| !open_quote(&sents[..k].join(" ")))
        .unwrap_or(0)
}

/// One rewrite over `sources` (same story), its id `id`.
pub fn rewrite(rng: &mut Rng, id: &str, sources: &[&PoolDoc]) -> Rewrite {
    let mut picked: Vec<String> = Vec::new();
    let mut taken: Vec<(String, Vec<String>)> = Vec::new();
    for d in sources {
        let usable: Vec<&String> = d
            .sentences
            .iter()
            .filter(|s| s.split_whitespace().count() >= 8)
            .collect();
        let take = (3 + rng.below(3)).min(usable.len());
        let start = rng.below(usable.len().saturating_sub(take) + 1);
        picked.extend(usable[start..start + take].iter().map(|s| s.to_string()));
        taken.push((
            d.id.clone(),
            usable[start..start + take]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        ));
    }
    let names = names_in(&picked);
    // Paraphrase most sentences; merge or split a few.
    let mut sents: Vec<String> = Vec::new();
    let mut i = 0;
    while i < picked.len() {
        let before = sents.join(" ");
        let balanced = !open_quote(&before) && !open_quote(&picked[i]);
        let mut s = if balanced && rng.chance(0.8) {
            paraphrase(rng, &picked[i])
        } else {
            picked[i].trim().to_string()
        };
        if i + 1 < picked.len()
            && rng.chance(0.15)
            && plain(&before, &s)
            && plain("", &picked[i + 1])
        {
            let next = paraphrase(rng, &picked[i + 1]);
            s = format!("{}, and {}", s.trim_end_matches('.'), low_first(&next));
            i += 1;
        } else if let Some(k) = s.find("; ") {
            if rng.chance(0.5) && plain(&before, &s) {
                let (a, b) = (s[..k].to_string(), s[k + 2..].to_string());
                sents.push(format!("{a}."));
                s = cap_first(&b);
            }
        }
        sents.push(s);
        i += 1;
    }
    // Operations: each kind tried on a random sentence, at most one per sentence.
    let mut ops: Vec<(usize, &'static str)> = Vec::new();
    let mut kinds: Vec<&'static str> = KINDS.to_vec();
    for k in (1..kinds.len()).rev() {
        kinds.swap(k, rng.below(k + 1));
    }
    let wanted = 2 + rng.below(3);
    let mut used = vec![false; sents.len()];
    let mut title = sources.first().map(|d| d.title.clone()).unwrap_or_default();
    let mut title_op = false;
    let mut inserted: Vec<(usize, String, &'static str)> = Vec::new();
    for kind in kinds {
        if ops.len() + inserted.len() + usize::from(title_op) >= wanted {
            break;
        }
        match kind {
            "headline_escalated" => {
                title = format!("{}{}", HEADLINE[rng.below(HEADLINE.len())], title);
                title_op = true;
            }
            "unsupported_claim" => {
                let at = free_slot(rng, &sents);
                inserted.push((at, FEARS[rng.below(FEARS.len())].to_string(), kind));
            }
            "quote_unsourced" => {
                let at = free_slot(rng, &sents);
                let q = INVENTED_QUOTES[rng.below(INVENTED_QUOTES.len())];
                let who = INVENTED_SPEAKERS[rng.below(INVENTED_SPEAKERS.len())];
                inserted.push((at, format!("\"{q},\" {who} said."), kind));
            }
            _ => {
                let n = sents.len();
                let off = rng.below(n.max(1));
                for t in 0..n {
                    let k = (off + t) % n;
                    let before = sents[..k].join(" ");
                    let quote_op = matches!(kind, "quote_altered" | "speaker_changed");
                    if used[k]
                        || open_quote(&before)
                        || (!quote_op && !plain(&before, &sents[k]))
                        || (quote_op && open_quote(&sents[k]))
                    {
                        continue;
                    }
                    if let Some(r) = operate(rng, kind, &sents[k], &names) {
                        if r != sents[k] {
                            sents[k] = r;
                            used[k] = true;
                            ops.push((k, kind));
                            break;
                        }
                    }
                }
            }
        }
    }
    // Assemble: insertions placed, spans measured in code points.
    let mut all: Vec<(String, Option<&'static str>)> = Vec::new();
    for (k, s) in sents.iter().enumerate() {
        for (at, text, kind) in &inserted {
            if *at == k {
                all.push((text.clone(), Some(kind)));
            }
        }
        let kind = ops.iter().find(|o| o.0 == k).map(|o| o.1);
        all.push((s.clone(), kind));
    }
    for (at, text, kind) in &inserted {
        if *at >= sents.len() {
            all.push((text.clone(), Some(kind)));
        }
    }
    let mut text = String::new();
    let mut planted = Vec::new();
    for (k, (s, kind)) in all.iter().enumerate() {
        if k > 0 {
            text.push_str(if k % 3 == 0 { "\n\n" } else { " " });
        }
        let start = text.chars().count();
        text.push_str(s);
        if let Some(kind) = kind {
            planted.push(Planted {
                kind,
                start,
                end: text.chars().count(),
                in_title: false,
            });
        }
    }
    if title_op {
        planted.push(Planted {
            kind: "headline_escalated",
            start: 0,
            end: title.chars().count(),
            in_title: true,
        });
    }
    let near_copy = rng.chance(0.3).then(|| {
        let mut t = text.clone();
        for (a, b) in [(" the ", " that "), (" and ", " as well as ")] {
            t = t.replacen(a, b, 1);
        }
        (format!("{id}-copy"), title.clone(), t)
    });
    Rewrite {
        id: id.to_string(),
        title,
        text,
        sources: sources.iter().map(|d| d.id.clone()).collect(),
        planted,
        near_copy,
        used: taken,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, story: &str, text: &str) -> PoolDoc {
        let (title, sentences) = split_doc(text);
        PoolDoc {
            id: id.into(),
            story: story.into(),
            title,
            sentences,
        }
    }

    #[test]
    fn rewrites_are_seeded_and_paraphrased() {
        let d = doc(
            "a",
            "s",
            "Quake strikes coastal town\nA strong earthquake hit the coastal town of Velmar on \
             Tuesday, officials said.\nAt least 12 people were injured and many buildings were \
             damaged, police chief Anna Moretti said.\nThe tremor could trigger landslides in the \
             hills, which were soaked by rain, a geologist said.\n\"We are checking every house in \
             the old quarter tonight,\" Moretti said.",
        );
        let a = rewrite(&mut Rng::new(7), "r", &[&d]);
        let b = rewrite(&mut Rng::new(7), "r", &[&d]);
        assert_eq!(a.text, b.text);
        assert_eq!(a.planted, b.planted);
        assert!(!a.planted.is_empty());
        assert!(a.text.contains("Velmar"));
        // Spans point into the text.
        for p in a.planted.iter().filter(|p| !p.in_title) {
            assert!(p.end <= a.text.chars().count());
        }
        let p = paraphrase(
            &mut Rng::new(1),
            "Police arrested 3 people after the fire, officials said.",
        );
        assert_ne!(
            p,
            "Police arrested 3 people after the fire, officials said."
        );
        assert!(p.contains('3'));
    }

    #[test]
    fn operations_change_what_they_say() {
        let mut r = Rng::new(3);
        let n = operate(
            &mut r,
            "number_changed",
            "At least 12 people were hurt.",
            &[],
        )
        .unwrap();
        assert!(!n.contains("12 people"));
        let h = operate(
            &mut r,
            "hedge_removed",
            "The bridge could close next week.",
            &[],
        )
        .unwrap();
        assert_eq!(h, "The bridge will close next week.");
        let a = operate(
            &mut r,
            "attribution_dropped",
            "The mine will close in May, the union said.",
            &[],
        )
        .unwrap();
        assert_eq!(a, "The mine will close in May.");
        let d = operate(&mut r, "date_changed", "The vote is on Monday.", &[]).unwrap();
        assert_eq!(d, "The vote is on Wednesday.");
    }
}

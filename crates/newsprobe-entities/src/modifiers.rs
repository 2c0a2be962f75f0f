//! Is this name a noun modifier ("an early Oscar contender", "the Obama administration",
//! "Apple fans")? It names no one a later "he" or "she" can mean: an entity named only so is no
//! pronoun's antecedent.

use newsprobe_core::{Document, Field, Span, TokenKind};

/// Determiners that open a noun phrase whose head follows the name.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every",
    "each", "another", "any", "some",
];

/// Nouns a name modifies even with no determiner before it ("Apple fans", "Trump supporters").
const MODIFIED_NOUNS: &[&str] = &[
    "fans",
    "supporters",
    "loyalists",
    "followers",
    "contender",
    "contenders",
    "nominee",
    "nominees",
    "winner",
    "winners",
    "administration",
    "campaign",
    "era",
];

/// Lower-case words after a name that make it no modifier: verbs, function words.
const NOT_MODIFIED: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "is", "was", "are", "were", "has",
    "had", "have", "will", "would", "can", "could", "should", "may", "might", "must", "did",
    "does", "do", "and", "or", "but", "of", "who", "whom", "whose", "which", "that", "to", "in",
    "on", "at", "for", "with", "from", "by", "as", "than", "if", "when", "while", "after",
    "before", "into", "about", "over", "under", "also", "not", "never", "then", "himself",
    "herself", "itself", "wrote", "writes", "asked", "asks", "noted", "notes", "went", "got",
    "gets", "made", "makes", "took", "takes", "gave", "gives", "became", "becomes", "won", "wins",
    "lost", "loses", "left", "leaves", "met", "meets", "saw", "sees", "spoke", "speaks", "warned",
    "warns", "insisted", "insists", "believes", "thinks", "thought", "knew", "knows", "wants",
    "wanted", "tried", "tries", "called", "calls",
];

/// Kin and role nouns between a determiner and a name: the name is then the noun phrase's head
/// ("his son Hunter"), not a modifier; so are the occupations of [`crate::occupations`] ("the
/// actor Tom Hanks").
const HEADS_BEFORE_NAME: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "father",
    "mother",
    "friend",
    "colleague",
    "partner",
    "nephew",
    "niece",
    "cousin",
    "uncle",
    "aunt",
    "grandson",
    "granddaughter",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancee",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "player",
    "coach",
    "manager",
    "chief",
    "leader",
    "star",
    "director",
    "boss",
    "rival",
    "opponent",
    "successor",
    "predecessor",
    "deputy",
    "aide",
    "adviser",
    "advisor",
    "client",
    "victim",
    "suspect",
    "defendant",
    "student",
    "teacher",
    "doctor",
];

/// Whether the name at `span` (one capitalised name, its possessive not included) modifies a
/// noun after it.
pub fn is_noun_modifier(doc: &Document, span: Span) -> bool {
    if span.field != Field::Text {
        return false;
    }
    let tokens = &doc.tokens;
    let after = tokens.partition_point(|t| t.span.start < span.end);
    let Some(next) = tokens.get(after) else {
        return false;
    };
    // Right after the name, with no possessive or punctuation between.
    let gap = doc.text.get(span.end..next.span.start).unwrap_or("x");
    if next.kind != TokenKind::Word || !gap.chars().all(char::is_whitespace) {
        return false;
    }
    let next_text = &doc.text[next.span.start..next.span.end];
    if !next_text
        .chars()
        .all(|c| c.is_ascii_lowercase() || c == '-')
    {
        return false;
    }
    if NOT_MODIFIED.contains(&next_text) || next_text.ends_with("ed") || next_text.ends_with("ly") {
        return false;
    }
    if MODIFIED_NOUNS.contains(&next_text) {
        return true;
    }
    // A determiner right before the name, or with one lower-case adjective between ("an early
    // Oscar contender"); a verb or a longer run between ("the man met Obama yesterday") is no
    // noun phrase around the name.
    let first = tokens.partition_point(|t| t.span.start < span.start);
    for back in 1..=2 {
        let Some(t) = first.checked_sub(back).map(|i| &tokens[i]) else {
            return false;
        };
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = &doc.text[t.span.start..t.span.end];
        let lower = w.to_ascii_lowercase();
        if DETERMINERS.contains(&lower.as_str()) {
            return true;
        }
        if !w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            || HEADS_BEFORE_NAME.contains(&w)
            || crate::occupations::is_occupation(w)
            || NOT_MODIFIED.contains(&w)
            || w.ends_with("ed")
        {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use newsprobe_core::{Document, Span};

    fn modifier(text: &str, name: &str) -> bool {
        let doc = Document::from_text(None, text);
        let start = text.find(name).expect("name in text");
        super::is_noun_modifier(&doc, Span::text(start, start + name.len()))
    }

    #[test]
    fn names_before_the_noun_they_modify() {
        assert!(modifier("He arrived as an early Oscar contender.", "Oscar"));
        assert!(modifier(
            "Critics of the Obama administration said so.",
            "Obama"
        ));
        assert!(modifier("Apple fans queued outside the store.", "Apple"));
        assert!(!modifier("His son Hunter testified on Monday.", "Hunter"));
        assert!(!modifier(
            "The director, Oscar Diaz, said it was over.",
            "Oscar Diaz"
        ));
        assert!(!modifier("Oscar said the film was over.", "Oscar"));
        assert!(!modifier("Then the Smiths left town.", "Smiths"));
        // "that" opens a clause here, and a verb between a determiner and the name leaves the
        // name outside the noun phrase.
        assert!(!modifier(
            "Aides said that Obama supports the plan.",
            "Obama"
        ));
        assert!(!modifier("The man met Obama yesterday.", "Obama"));
        assert!(!modifier("The crowd cheered Obama loudly.", "Obama"));
    }

    #[test]
    fn a_modifier_takes_no_pronoun() {
        let text = "Leonardo DiCaprio arrived in Cannes on Tuesday as an early Oscar contender \
for his role in the drama. He told reporters that the film had changed him.";
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc, None);
        let oscar = doc.entity_named("Oscar");
        assert!(oscar.is_none_or(|e| doc.mention_texts(e) == vec!["Oscar"]));
        let leo = doc.entity_named("Leonardo DiCaprio").expect("DiCaprio");
        assert_eq!(
            doc.mention_texts(leo),
            vec!["Leonardo DiCaprio", "his", "He", "him"]
        );
    }
}

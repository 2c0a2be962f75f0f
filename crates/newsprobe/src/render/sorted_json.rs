//! JSON with every object's keys in sorted order, written straight to a writer.
//!
//! The contract's JSON has always been written through a `serde_json::Value` (built without
//! `preserve_order`, so every object's keys come out sorted) and then a string: for the 58 MB
//! hostile page that held the report, its `Value` (several times the report's size) and the
//! printed string at once, 2.9–3.6 GB. [`to_writer`] writes the same bytes (keys sorted as a
//! `Value` sorts them, `f32` printed as the `f64` a `Value` holds, the same pretty layout) with
//! nothing held but the report: an object's fields are written one at a time in sorted order, each
//! by asking the value to serialize itself again and keeping only that field (an object of `k`
//! fields is visited `k + 1` times, each visit skipping the other fields' values unread), so no
//! field is ever buffered. Large maps (more than [`MAP_PICK_LIMIT`] entries, none in a report)
//! buffer each entry's printed value instead, to stay linear.

use std::fmt::Display;
use std::io::Write;

use serde::ser::{self, Impossible, Serialize};

/// Maps with more entries than this print each value into a buffer and sort those, instead of
/// one pass over the map per entry.
const MAP_PICK_LIMIT: usize = 32;

/// Writes `value` as JSON (pretty: two-space indents, as `serde_json::to_writer_pretty`) with
/// every object's keys sorted, the bytes `serde_json::to_value` then printing would give.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(
    w: W,
    value: &T,
    pretty: bool,
) -> std::io::Result<()> {
    let mut out = Out {
        w,
        pretty,
        level: 0,
    };
    emit(value, &mut out).map_err(Error::into_io)
}

/// An error of the writer or of a value's `Serialize`.
#[derive(Debug)]
pub enum Error {
    Io(std::io::Error),
    Custom(String),
}

impl Error {
    fn into_io(self) -> std::io::Error {
        match self {
            Error::Io(e) => e,
            Error::Custom(m) => std::io::Error::other(m),
        }
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io(e) => write!(f, "{e}"),
            Error::Custom(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error::Custom(msg.to_string())
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Custom(e.to_string())
    }
}

type Result<T> = std::result::Result<T, Error>;

/// The writer and the layout state: the nesting level of what is being written.
struct Out<W> {
    w: W,
    pretty: bool,
    level: usize,
}

impl<W: Write> Out<W> {
    fn open(&mut self, c: u8) -> Result<()> {
        self.level += 1;
        self.w.write_all(&[c])?;
        Ok(())
    }

    /// Before an element or a key: the separator and, when pretty, a new line and indent.
    fn item(&mut self, first: bool) -> Result<()> {
        if !first {
            self.w.write_all(b",")?;
        }
        if self.pretty {
            self.w.write_all(b"\n")?;
            self.indent(self.level)?;
        }
        Ok(())
    }

    fn close(&mut self, c: u8, any: bool) -> Result<()> {
        self.level -= 1;
        if any && self.pretty {
            self.w.write_all(b"\n")?;
            self.indent(self.level)?;
        }
        self.w.write_all(&[c])?;
        Ok(())
    }

    fn indent(&mut self, n: usize) -> Result<()> {
        for _ in 0..n {
            self.w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn key(&mut self, first: bool, key: &str) -> Result<()> {
        self.item(first)?;
        self.scalar(key)?;
        self.w.write_all(if self.pretty { b": " } else { b":" })?;
        Ok(())
    }

    /// A scalar, printed by serde_json (its layout does not depend on pretty or compact).
    fn scalar<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<()> {
        serde_json::to_writer(&mut self.w, v)?;
        Ok(())
    }

    fn raw(&mut self, s: &str) -> Result<()> {
        self.w.write_all(s.as_bytes())?;
        Ok(())
    }
}

/// What a first visit of a value found: written already, or an object whose keys are listed.
enum Shape {
    Done,
    Struct(Vec<&'static str>),
    Map(Vec<String>),
    /// `{"variant": {fields}}`.
    StructVariant(&'static str, Vec<&'static str>),
}

/// Which field a picking visit writes.
#[derive(Clone, Copy)]
enum Target {
    Field(&'static str),
    Entry(usize),
}

/// Writes one value.
fn emit<W: Write, T: Serialize + ?Sized>(value: &T, out: &mut Out<W>) -> Result<()> {
    match value.serialize(Visit { out: &mut *out })? {
        Shape::Done => Ok(()),
        Shape::Struct(keys) => write_fields(value, keys, out),
        Shape::StructVariant(variant, keys) => {
            out.open(b'{')?;
            out.key(true, variant)?;
            write_fields(value, keys, out)?;
            out.close(b'}', true)
        }
        Shape::Map(keys) => {
            let mut order: Vec<usize> = (0..keys.len()).collect();
            // A `Value`'s map keeps the last of equal keys; sort by key, then drop all but the
            // last of each run.
            order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
            let mut kept: Vec<usize> = Vec::with_capacity(order.len());
            for i in order {
                match kept.last_mut() {
                    Some(last) if keys[*last] == keys[i] => *last = i,
                    _ => kept.push(i),
                }
            }
            if kept.len() > MAP_PICK_LIMIT {
                return write_map_buffered(value, &keys, &kept, out);
            }
            out.open(b'{')?;
            for (n, &i) in kept.iter().enumerate() {
                out.key(n == 0, &keys[i])?;
                value.serialize(Pick {
                    out: &mut *out,
                    target: Target::Entry(i),
                })?;
            }
            out.close(b'}', !kept.is_empty())
        }
    }
}

/// A struct's fields in sorted order, one picking visit each.
fn write_fields<W: Write, T: Serialize + ?Sized>(
    value: &T,
    mut keys: Vec<&'static str>,
    out: &mut Out<W>,
) -> Result<()> {
    keys.sort_unstable();
    keys.dedup();
    out.open(b'{')?;
    for (n, key) in keys.iter().enumerate() {
        out.key(n == 0, key)?;
        value.serialize(Pick {
            out: &mut *out,
            target: Target::Field(key),
        })?;
    }
    out.close(b'}', !keys.is_empty())
}

/// A large map: each entry's value printed into a buffer at its level, then written sorted.
fn write_map_buffered<W: Write, T: Serialize + ?Sized>(
    value: &T,
    keys: &[String],
    kept: &[usize],
    out: &mut Out<W>,
) -> Result<()> {
    let mut buffers: Vec<Vec<u8>> = Vec::with_capacity(keys.len());
    {
        let mut sink = Out {
            w: Vec::new(),
            pretty: out.pretty,
            level: out.level + 1,
        };
        value.serialize(Collect {
            out: &mut sink,
            buffers: &mut buffers,
        })?;
    }
    out.open(b'{')?;
    for (n, &i) in kept.iter().enumerate() {
        out.key(n == 0, &keys[i])?;
        let bytes = buffers.get(i).map(Vec::as_slice).unwrap_or(b"null");
        out.w.write_all(bytes)?;
    }
    out.close(b'}', !kept.is_empty())
}

/// The first visit: scalars, sequences and variants are written; objects only list their keys.
struct Visit<'a, W> {
    out: &'a mut Out<W>,
}

/// Writes scalars the way a `Value` prints them; shared by [`Visit`] and the sequence writers.
macro_rules! scalars {
    () => {
        fn serialize_bool(self, v: bool) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_i8(self, v: i8) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_i16(self, v: i16) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_i32(self, v: i32) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_i64(self, v: i64) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_i128(self, v: i128) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_u8(self, v: u8) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_u16(self, v: u16) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_u32(self, v: u32) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_u64(self, v: u64) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_u128(self, v: u128) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        /// A `Value` holds an `f32` as the `f64` it converts to, and prints that.
        fn serialize_f32(self, v: f32) -> Result<Shape> {
            self.out.scalar(&(v as f64))?;
            Ok(Shape::Done)
        }
        fn serialize_f64(self, v: f64) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_char(self, v: char) -> Result<Shape> {
            self.out.scalar(&v)?;
            Ok(Shape::Done)
        }
        fn serialize_str(self, v: &str) -> Result<Shape> {
            self.out.scalar(v)?;
            Ok(Shape::Done)
        }
        fn serialize_bytes(self, v: &[u8]) -> Result<Shape> {
            self.out.open(b'[')?;
            for (n, b) in v.iter().enumerate() {
                self.out.item(n == 0)?;
                self.out.scalar(b)?;
            }
            self.out.close(b']', !v.is_empty())?;
            Ok(Shape::Done)
        }
        fn serialize_none(self) -> Result<Shape> {
            self.out.raw("null")?;
            Ok(Shape::Done)
        }
        fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Shape> {
            emit(value, self.out)?;
            Ok(Shape::Done)
        }
        fn serialize_unit(self) -> Result<Shape> {
            self.out.raw("null")?;
            Ok(Shape::Done)
        }
        fn serialize_unit_struct(self, _name: &'static str) -> Result<Shape> {
            self.out.raw("null")?;
            Ok(Shape::Done)
        }
        fn serialize_unit_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
        ) -> Result<Shape> {
            self.out.scalar(variant)?;
            Ok(Shape::Done)
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result<Shape> {
            emit(value, self.out)?;
            Ok(Shape::Done)
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            value: &T,
        ) -> Result<Shape> {
            self.out.open(b'{')?;
            self.out.key(true, variant)?;
            emit(value, self.out)?;
            self.out.close(b'}', true)?;
            Ok(Shape::Done)
        }
        fn serialize_seq(self, len: Option<usize>) -> Result<SeqWriter<'a, W>> {
            let _ = len;
            self.out.open(b'[')?;
            Ok(SeqWriter {
                out: self.out,
                any: false,
                variant: false,
            })
        }
        fn serialize_tuple(self, len: usize) -> Result<SeqWriter<'a, W>> {
            self.serialize_seq(Some(len))
        }
        fn serialize_tuple_struct(
            self,
            _name: &'static str,
            len: usize,
        ) -> Result<SeqWriter<'a, W>> {
            self.serialize_seq(Some(len))
        }
        fn serialize_tuple_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            _len: usize,
        ) -> Result<SeqWriter<'a, W>> {
            self.out.open(b'{')?;
            self.out.key(true, variant)?;
            self.out.open(b'[')?;
            Ok(SeqWriter {
                out: self.out,
                any: false,
                variant: true,
            })
        }
    };
}

impl<'a, W: Write> ser::Serializer for Visit<'a, W> {
    type Ok = Shape;
    type Error = Error;
    type SerializeSeq = SeqWriter<'a, W>;
    type SerializeTuple = SeqWriter<'a, W>;
    type SerializeTupleStruct = SeqWriter<'a, W>;
    type SerializeTupleVariant = SeqWriter<'a, W>;
    type SerializeMap = KeyList;
    type SerializeStruct = FieldList;
    type SerializeStructVariant = FieldList;

    scalars!();

    fn serialize_map(self, len: Option<usize>) -> Result<KeyList> {
        Ok(KeyList {
            keys: Vec::with_capacity(len.unwrap_or(0)),
        })
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<FieldList> {
        Ok(FieldList {
            keys: Vec::with_capacity(len),
            variant: None,
        })
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<FieldList> {
        Ok(FieldList {
            keys: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
}

/// Writes a sequence's elements as they come.
struct SeqWriter<'a, W> {
    out: &'a mut Out<W>,
    any: bool,
    /// A tuple variant: close the `{"variant": [` too.
    variant: bool,
}

impl<W: Write> SeqWriter<'_, W> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.out.item(!self.any)?;
        self.any = true;
        emit(value, self.out)
    }

    fn finish(self) -> Result<Shape> {
        self.out.close(b']', self.any)?;
        if self.variant {
            self.out.close(b'}', true)?;
        }
        Ok(Shape::Done)
    }
}

impl<W: Write> ser::SerializeSeq for SeqWriter<'_, W> {
    type Ok = Shape;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<Shape> {
        self.finish()
    }
}

impl<W: Write> ser::SerializeTuple for SeqWriter<'_, W> {
    type Ok = Shape;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<Shape> {
        self.finish()
    }
}

impl<W: Write> ser::SerializeTupleStruct for SeqWriter<'_, W> {
    type Ok = Shape;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<Shape> {
        self.finish()
    }
}

impl<W: Write> ser::SerializeTupleVariant for SeqWriter<'_, W> {
    type Ok = Shape;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<Shape> {
        self.finish()
    }
}

/// A struct's field names, in the order they come.
struct FieldList {
    keys: Vec<&'static str>,
    variant: Option<&'static str>,
}

impl FieldList {
    fn finish(self) -> Shape {
        match self.variant {
            Some(v) => Shape::StructVariant(v, self.keys),
            None => Shape::Struct(self.keys),
        }
    }
}

impl ser::SerializeStruct for FieldList {
    type Ok = Shape;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, _: &T) -> Result<()> {
        self.keys.push(key);
        Ok(())
    }
    fn end(self) -> Result<Shape> {
        Ok(self.finish())
    }
}

impl ser::SerializeStructVariant for FieldList {
    type Ok = Shape;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, _: &T) -> Result<()> {
        self.keys.push(key);
        Ok(())
    }
    fn end(self) -> Result<Shape> {
        Ok(self.finish())
    }
}

/// A map's keys as a `Value` would hold them, in the order they come.
struct KeyList {
    keys: Vec<String>,
}

impl ser::SerializeMap for KeyList {
    type Ok = Shape;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.keys.push(key_string(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<()> {
        Ok(())
    }
    fn end(self) -> Result<Shape> {
        Ok(Shape::Map(self.keys))
    }
}

/// A map key as the string a `Value`'s map holds for it.
fn key_string<T: Serialize + ?Sized>(key: &T) -> Result<String> {
    match serde_json::to_value(key)? {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        _ => Err(Error::Custom("key must be a string".into())),
    }
}

/// A picking visit: writes only the target field's (or entry's) value.
struct Pick<'a, W> {
    out: &'a mut Out<W>,
    target: Target,
}

/// A picking visit's object: skips every field but the target.
struct PickFields<'a, W> {
    out: &'a mut Out<W>,
    target: Target,
    /// Map entries seen so far; whether the next value is the target's.
    seen: usize,
    take_next: bool,
}

impl<W: Write> PickFields<'_, W> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        if matches!(self.target, Target::Field(k) if k == key) {
            emit(value, self.out)?;
        }
        Ok(())
    }
}

fn not_an_object() -> Error {
    Error::Custom("a value serialized differently on a second visit".into())
}

impl<'a, W: Write> ser::Serializer for Pick<'a, W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = PickFields<'a, W>;
    type SerializeStruct = PickFields<'a, W>;
    type SerializeStructVariant = PickFields<'a, W>;

    fn serialize_map(self, _len: Option<usize>) -> Result<PickFields<'a, W>> {
        Ok(PickFields {
            out: self.out,
            target: self.target,
            seen: 0,
            take_next: false,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<PickFields<'a, W>> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<PickFields<'a, W>> {
        self.serialize_map(None)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _value: &T,
    ) -> Result<()> {
        // A newtype is visited through its inner value by `emit`; never picked.
        Err(not_an_object())
    }

    fn serialize_bool(self, _: bool) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_i8(self, _: i8) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_i16(self, _: i16) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_i32(self, _: i32) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_i64(self, _: i64) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_u8(self, _: u8) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_u16(self, _: u16) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_u32(self, _: u32) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_u64(self, _: u64) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_f32(self, _: f32) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_f64(self, _: f64) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_char(self, _: char) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_str(self, _: &str) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_none(self) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_unit(self) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(not_an_object())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(not_an_object())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(not_an_object())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(not_an_object())
    }
}

impl<W: Write> ser::SerializeStruct for PickFields<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }
    fn end(self) -> Result<()> {
        Ok(())
    }
}

impl<W: Write> ser::SerializeStructVariant for PickFields<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }
    fn end(self) -> Result<()> {
        Ok(())
    }
}

impl<W: Write> ser::SerializeMap for PickFields<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _key: &T) -> Result<()> {
        self.take_next = matches!(self.target, Target::Entry(i) if i == self.seen);
        self.seen += 1;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        if std::mem::take(&mut self.take_next) {
            emit(value, self.out)?;
        }
        Ok(())
    }
    fn end(self) -> Result<()> {
        Ok(())
    }
}

/// A buffering visit of a large map: every entry's value printed into a buffer of its own.
struct Collect<'a> {
    out: &'a mut Out<Vec<u8>>,
    buffers: &'a mut Vec<Vec<u8>>,
}

impl<'a> ser::Serializer for Collect<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Self;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_map(self, _len: Option<usize>) -> Result<Self> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        Err(not_an_object())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(not_an_object())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_bool(self, _: bool) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_i8(self, _: i8) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_i16(self, _: i16) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_i32(self, _: i32) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_i64(self, _: i64) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_u8(self, _: u8) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_u16(self, _: u16) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_u32(self, _: u32) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_u64(self, _: u64) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_f32(self, _: f32) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_f64(self, _: f64) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_char(self, _: char) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_str(self, _: &str) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_none(self) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_unit(self) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<()> {
        Err(not_an_object())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(not_an_object())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(not_an_object())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(not_an_object())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(not_an_object())
    }
}

impl ser::SerializeMap for Collect<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _key: &T) -> Result<()> {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        emit(value, self.out)?;
        self.buffers.push(std::mem::take(&mut self.out.w));
        Ok(())
    }
    fn end(self) -> Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use serde::Serialize;

    use super::to_writer;

    #[derive(Serialize)]
    struct Inner {
        zeta: Option<u32>,
        alpha: Vec<f32>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        empty: Vec<u8>,
        nested: Vec<Vec<u8>>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, String),
        Named { b: bool, a: char },
    }

    #[derive(Serialize)]
    struct Flat {
        z: u8,
        #[serde(flatten)]
        inner: Inner,
    }

    #[derive(Serialize)]
    #[serde(tag = "type")]
    enum Tagged {
        One { y: i64, x: f64 },
    }

    #[derive(Serialize)]
    struct Outer {
        text: String,
        kinds: Vec<Kind>,
        inner: Inner,
        flat: Flat,
        tagged: Tagged,
        map: HashMap<String, u8>,
        big: BTreeMap<u32, Inner>,
        empty_obj: BTreeMap<String, u8>,
        nothing: (),
        pair: (u8, &'static str),
    }

    fn inner(n: u32) -> Inner {
        Inner {
            zeta: n.is_multiple_of(2).then_some(n),
            alpha: vec![0.1, 1.0 / 3.0, f32::NAN],
            empty: Vec::new(),
            nested: vec![vec![], vec![1, 2]],
        }
    }

    fn sample() -> Outer {
        Outer {
            text: "Quote \"marks\", a tab\t, é and \u{1}".into(),
            kinds: vec![
                Kind::Plain,
                Kind::Wrapped(3),
                Kind::Pair(1, "x".into()),
                Kind::Named { b: true, a: 'q' },
            ],
            inner: inner(2),
            flat: Flat {
                z: 9,
                inner: inner(3),
            },
            tagged: Tagged::One { y: -4, x: 2.5 },
            map: [
                ("b".to_string(), 2),
                ("a".to_string(), 1),
                ("c".to_string(), 3),
            ]
            .into_iter()
            .collect(),
            big: (0..40).map(|i| (i * 7 % 40, inner(i))).collect(),
            empty_obj: BTreeMap::new(),
            nothing: (),
            pair: (7, "seven"),
        }
    }

    #[test]
    fn the_bytes_a_value_prints() {
        let s = sample();
        let v = serde_json::to_value(&s).unwrap();
        for pretty in [false, true] {
            let want = if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            };
            let mut got = Vec::new();
            to_writer(&mut got, &s, pretty).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), want, "pretty {pretty}");
        }
    }
}

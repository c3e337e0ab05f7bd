"""The columnar schema of the Article record, derived from the dataclasses in `article.py`.

A field added to a dataclass appears in the Parquet output without touching this
module. Mapping: str/int/float/bool → the matching column type; `X | None` →
nullable X; `list[X]` → array; a dataclass → struct; `Any` (Timex.value,
Event.when: a value or a list of values) → a JSON text column, so that a scalar and
a list round-trip exactly (`"2024-06-18"` is stored as `"\"2024-06-18\""`).
"""
from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache
from typing import Any, NamedTuple

from ..article import Article

# Partition column of the articles table: the calendar date of `published` as the
# article states it (local date), null when the article has no date.
PARTITION_COLUMN = "published_date"


class Field(NamedTuple):
    name: str
    type: "Type"
    nullable: bool


class Type(NamedTuple):
    kind: str  # string | long | double | boolean | json | list | struct
    element: "Type | None" = None  # for list
    fields: tuple[Field, ...] = ()  # for struct
    cls: type | None = None  # the dataclass of a struct


_SCALARS = {str: "string", int: "long", float: "double", bool: "boolean"}


def _type_of(hint) -> tuple[Type, bool]:
    """(Type, nullable) of one annotation."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            return Type("json"), True
        t, _ = _type_of(args[0])
        return t, True
    if hint is Any or hint is dict or origin is dict:
        return Type("json"), True
    if origin is list:
        (arg,) = typing.get_args(hint) or (Any,)
        elem, _ = _type_of(arg)
        return Type("list", element=elem), True
    if dataclasses.is_dataclass(hint):
        return struct_of(hint), True
    if hint in _SCALARS:
        return Type(_SCALARS[hint]), False
    raise TypeError(f"no column type for {hint!r}")


@lru_cache(maxsize=None)
def struct_of(cls: type) -> Type:
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        t, nullable = _type_of(hints[f.name])
        # every column is nullable on disk: older files may lack a newer field
        out.append(Field(f.name, t, True))
    return Type("struct", fields=tuple(out), cls=cls)


def article_type() -> Type:
    return struct_of(Article)


def json_paths(t: Type | None = None, prefix: str = "") -> list[str]:
    """Dotted paths of the JSON-text columns (for the documentation and tests)."""
    t = t or article_type()
    out = []
    for f in t.fields:
        p = f"{prefix}{f.name}"
        ft = f.type.element if f.type.kind == "list" else f.type
        if ft.kind == "json":
            out.append(p)
        elif ft.kind == "struct":
            out.extend(json_paths(ft, p + "."))
    return out


# -- Spark and Arrow types (imported lazily: pyspark/pyarrow are optional) ---------

def to_spark(t: Type | None = None):
    """The Spark StructType of the Article (plus the partition column)."""
    from pyspark.sql import types as T

    def conv(t: Type):
        if t.kind == "string" or t.kind == "json":
            return T.StringType()
        if t.kind == "long":
            return T.LongType()
        if t.kind == "double":
            return T.DoubleType()
        if t.kind == "boolean":
            return T.BooleanType()
        if t.kind == "list":
            return T.ArrayType(conv(t.element), containsNull=True)
        return T.StructType([T.StructField(f.name, conv(f.type), f.nullable) for f in t.fields])

    return conv(t or article_type())


def to_arrow(t: Type | None = None):
    """The pyarrow type of the Article struct."""
    import pyarrow as pa

    def conv(t: Type):
        if t.kind in ("string", "json"):
            return pa.string()
        if t.kind == "long":
            return pa.int64()
        if t.kind == "double":
            return pa.float64()
        if t.kind == "boolean":
            return pa.bool_()
        if t.kind == "list":
            return pa.list_(conv(t.element))
        return pa.struct([pa.field(f.name, conv(f.type), f.nullable) for f in t.fields])

    return conv(t or article_type())

"""The two lookups of every parent's submission, as fixed SQL.

Each POST asks whether its form ticket was stored already, and each confirmation page
reads its request. Through the ORM these cost 0.8 and 1.3 ms of CPU per request, nearly
all of it spent building the query (tests/bench: a rush of parents is CPU-bound); as SQL
written once at start-up, about 0.2 ms. They still return model instances (made as the
ORM makes them: ``Model.from_db`` with the database's converters) holding only the
fields they read, so the rules that read them (``notifications.may_name_us``,
``spam.was_rate_limited``) are the same for these as for any request.
"""

from django.db import connection

from .choices import Kind
from .models import AssessmentRequest, CallbackRequest, Request


class _Lookup:
    """SELECT the given fields of one model (joining its parent's table for inherited
    fields) WHERE ``where``; the first row as an instance, or None."""

    def __init__(self, model, fields: list[str], where: str):
        self.model = model
        wanted = {*fields, model._meta.pk.name}  # the pk: a deferred one would be queried
        # In the model's own field order: what Model.from_db expects.
        self.fields = [f for f in model._meta.concrete_fields if f.name in wanted]
        self.attnames = [f.attname for f in self.fields]
        table = model._meta.db_table
        columns = ", ".join(f"{f.model._meta.db_table}.{f.column}" for f in self.fields)
        joins = ""
        for parent, link in model._meta.parents.items():
            parent_table = parent._meta.db_table
            joins += (
                f" JOIN {parent_table} ON {parent_table}.{parent._meta.pk.column}"
                f" = {table}.{link.column}"
            )
        self.sql = f"SELECT {columns} FROM {table}{joins} WHERE {where}"  # noqa: S608
        self._converters = None

    def converters(self):
        if self._converters is None:  # the database's own, as the ORM applies them
            self._converters = [
                [*connection.ops.get_db_converters(f.cached_col), *f.get_db_converters(connection)]
                for f in self.fields
            ]
        return self._converters

    def first(self, params):
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        values = []
        for value, field, converters in zip(row, self.fields, self.converters(), strict=True):
            for convert in converters:
                value = convert(value, field.cached_col, connection)
            values.append(value)
        return self.model.from_db(connection.alias, self.attnames, values)


def _column(model, name):
    field = model._meta.get_field(name)
    return f"{field.model._meta.db_table}.{field.column}"


_TOKEN = Request._meta.get_field("submission_token")
_STORED = _Lookup(
    Request,
    ["id", "kind", "reference", "is_suspected_spam", "spam_reasons"],
    f"{_column(Request, 'submission_token')} = %s",
)


def stored_with(token) -> Request | None:
    """The request stored with this form ticket's token, if any: what its confirmation and
    a repeated submit need, nothing more."""
    return _STORED.first([_TOKEN.get_db_prep_value(token, connection)])


_CONFIRMED = {
    kind: _Lookup(
        model,
        ["id", "kind", "reference", "email", *extra],
        f"{_column(model, 'id')} = %s AND {_column(model, 'kind')} = %s",
    )
    for kind, model, extra in [
        (Kind.ASSESSMENT, AssessmentRequest, ["may_name_organisation"]),
        (Kind.CALLBACK, CallbackRequest, []),
    ]
}


def for_confirmation(pk: int, kind: str) -> Request | None:
    """The request a confirmation page is about, with what the page may say about e-mail
    (notifications.mails_the_parent, may_name_us) and nothing else."""
    return _CONFIRMED[Kind(kind)].first([pk, kind])

"""The application's GUID column type: native UUID on PostgreSQL, CHAR(32) elsewhere."""
import uuid

from sqlalchemy import types
from sqlalchemy.dialects.postgresql import UUID


class GUID(types.TypeDecorator):
    impl = types.CHAR
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(UUID())
        return dialect.type_descriptor(types.CHAR(32))

    def process_bind_param(self, value, dialect):
        if value is None or dialect.name == "postgresql":
            return None if value is None else str(value)
        return (value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))).hex

    def process_result_value(self, value, dialect):
        return None if value is None else uuid.UUID(str(value))

    @staticmethod
    def generate():
        return uuid.uuid4()


def __getattr__(name):
    raise AttributeError(f"kitchen.db.migration_types.{name} is not provided by the corpus stand-in")

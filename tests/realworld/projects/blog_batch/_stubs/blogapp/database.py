"""The application's UTCDateTime column type, as its models declare it."""
import datetime

from sqlalchemy import types


class UTCDateTime(types.TypeDecorator):
    """Aware datetimes stored as naive UTC in a plain DateTime column."""
    impl = types.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise TypeError("UTCDateTime needs an aware datetime")
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=datetime.timezone.utc) if value is not None else None


def __getattr__(name):
    raise AttributeError(f"blogapp.database.{name} is not provided by the corpus stand-in")

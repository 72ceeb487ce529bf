"""Stand-in for the blog application: the migrations import only its column types."""
from . import database  # noqa: F401


def __getattr__(name):
    raise AttributeError(f"blogapp.{name} is not provided by the corpus stand-in; "
                         "only blogapp.database.UTCDateTime is")

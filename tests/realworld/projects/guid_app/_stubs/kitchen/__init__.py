"""Stand-in for the kitchen application: the migrations import only its GUID type."""
from . import db  # noqa: F401


def __getattr__(name):
    raise AttributeError(f"kitchen.{name} is not provided by the corpus stand-in")

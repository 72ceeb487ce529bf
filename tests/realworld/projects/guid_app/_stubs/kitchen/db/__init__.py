from . import migration_types  # noqa: F401


def __getattr__(name):
    raise AttributeError(f"kitchen.db.{name} is not provided by the corpus stand-in")

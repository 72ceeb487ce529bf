#!/usr/bin/python3
"""Builds a real Flask-Migrate project the way a team would, for Strata's tests.

    make_flask_project.py OUTDIR

OUTDIR gets app.py (a tiny Flask-SQLAlchemy app whose models change between
steps) and migrations/ written by `flask db init`, `flask db migrate` (batch
operations included, as Flask-Migrate renders them), a hand-written branch
revision (`flask db revision --head ... --branch-label`) and `flask db merge`.
Autogenerate compares against a scratch SQLite database, removed at the end.
Uses Debian's python3-flask-migrate only.
"""
import os
import re
import subprocess
import sys

OUT = os.path.abspath(sys.argv[1])
SCRATCH_DB = os.path.join(OUT, "autogen.db")

HEADER = '''import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_migrate import Migrate
import sqlalchemy as sa

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("APP_DATABASE_URL", "sqlite:///app.db")
db = SQLAlchemy(app)
migrate = Migrate(app, db)
'''

USER_V1 = '''
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), nullable=False, unique=True)
    name = db.Column(db.String(64), index=True)
    created_at = db.Column(db.DateTime, server_default=sa.func.now())
'''

USER_V2 = '''
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), nullable=False, unique=True)
    name = db.Column(db.String(128), index=True, nullable=False)
    created_at = db.Column(db.DateTime, server_default=sa.func.now())
    bio = db.Column(db.Text)
    score = db.Column(db.Numeric(10, 2), nullable=False, server_default="0")
'''

HABIT_V1 = '''
class Habit(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    title = db.Column(db.String(100), nullable=False)
    archived = db.Column(db.Boolean, nullable=False, server_default=sa.text("false"))
    __table_args__ = (db.CheckConstraint("length(title) > 0", name="ck_habit_title"),)
'''

HABIT_V2 = '''
class Habit(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    title = db.Column(db.String(100), nullable=False)
    archived = db.Column(db.Boolean, nullable=False, server_default=sa.text("false"))
    started_on = db.Column(db.Date)
    __table_args__ = (db.CheckConstraint("length(title) > 0", name="ck_habit_title"),
                      db.UniqueConstraint("user_id", "title", name="uq_habit_user_title"))
'''

TAGS_MODELS = '''
class Label(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    label = db.Column(db.String(40), nullable=False, unique=True)


habit_tags = db.Table(
    "habit_tags",
    db.Column("habit_id", db.Integer, db.ForeignKey("habit.id"), primary_key=True),
    db.Column("tag_id", db.Integer, db.ForeignKey("label.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)
'''

# Written by hand on the branch, as people do for what autogenerate can't see.
TAGS_UPGRADE = '''    op.create_table('tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('label')
    )
    op.execute("INSERT INTO tag (label) VALUES ('health')")
    op.create_table('habit_tags',
    sa.Column('habit_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['habit_id'], ['habit.id'], ),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('habit_id', 'tag_id')
    )
    op.create_index('ix_habit_tags_tag_id', 'habit_tags', ['tag_id'], unique=False)
'''
TAGS_DOWNGRADE = '''    op.drop_index('ix_habit_tags_tag_id', table_name='habit_tags')
    op.drop_table('habit_tags')
    op.drop_table('tag')
'''
RENAME_UPGRADE = '''    op.rename_table('tag', 'label')
'''
RENAME_DOWNGRADE = '''    op.rename_table('label', 'tag')
'''


def flask(*args):
    env = dict(os.environ, FLASK_APP="app.py", APP_DATABASE_URL="sqlite:///" + SCRATCH_DB)
    done = subprocess.run(["/usr/bin/python3", "-m", "flask", "db", *args], cwd=OUT, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("flask db %s failed:\n%s%s" % (" ".join(args), done.stdout, done.stderr))
    return done.stdout + done.stderr


def write_app(*models):
    with open(os.path.join(OUT, "app.py"), "w") as f:
        f.write(HEADER + "".join(models))


def new_revision_id(output):
    return re.search(r"versions/(\w+?)_", output).group(1)


def fill(revision, upgrade, downgrade):
    path = [os.path.join(OUT, "migrations", "versions", n)
            for n in os.listdir(os.path.join(OUT, "migrations", "versions")) if n.startswith(revision)][0]
    with open(path) as f:
        text = f.read()
    text = text.replace("def upgrade():\n    pass\n", "def upgrade():\n" + upgrade)
    text = text.replace("def downgrade():\n    pass\n", "def downgrade():\n" + downgrade)
    with open(path, "w") as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    write_app(USER_V1)
    flask("init")
    first = new_revision_id(flask("migrate", "-m", "create user"))
    flask("upgrade")
    write_app(USER_V1, HABIT_V1)
    second = new_revision_id(flask("migrate", "-m", "add habit"))
    flask("upgrade")
    write_app(USER_V2, HABIT_V1)
    new_revision_id(flask("migrate", "-m", "user profile fields"))
    # A branch from "add habit", written by hand, then its second step.
    tags = new_revision_id(flask("revision", "--head", second, "--branch-label", "tags", "--splice",
                               "-m", "add tags"))
    fill(tags, TAGS_UPGRADE, TAGS_DOWNGRADE)
    renamed = new_revision_id(flask("revision", "--head", "tags@head", "-m", "rename tag to label"))
    fill(renamed, RENAME_UPGRADE, RENAME_DOWNGRADE)
    flask("merge", "heads", "-m", "merge tags")
    flask("upgrade")
    write_app(USER_V2, HABIT_V2, TAGS_MODELS)
    flask("migrate", "-m", "habit start date")
    os.remove(SCRATCH_DB)
    print(first)


main()

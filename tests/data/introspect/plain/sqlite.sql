CREATE TABLE users (
    id INTEGER NOT NULL,
    email VARCHAR(120) NOT NULL,
    active BOOLEAN DEFAULT 1,
    score FLOAT,
    PRIMARY KEY (id),
    UNIQUE (email)
);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    title VARCHAR(200) DEFAULT ('untitled'),
    body MEDIUMTEXT,
    CONSTRAINT ck_title CHECK (length(title) > 0)
);
CREATE INDEX ix_posts_user_id ON posts (user_id);

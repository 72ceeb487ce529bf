CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    email VARCHAR(120) NOT NULL UNIQUE,
    active BOOLEAN DEFAULT true,
    created TIMESTAMP(3) DEFAULT now(),
    score DOUBLE PRECISION
);
CREATE TABLE posts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    title VARCHAR(200) DEFAULT 'untitled' CHECK (length(title) > 0),
    rating SMALLINT DEFAULT -1
);
CREATE INDEX ix_posts_user_id ON posts (user_id);
CREATE INDEX ix_posts_lower_title ON posts (lower(title));

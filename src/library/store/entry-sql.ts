/** Statements writing one feed row (feed-rows.ts), by its named fields; no parser needed to prepare them. */
export const INSERT_ENTRY_SQL = `
  INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, size, mtime_ms, ino, hash, blocks, warnings, body,
    cjk_headline, cjk_text, feed_file, url, feed, published, author, categories, enclosures)
  VALUES (@id, @path, @root, @section, @headline, @standfirst, @date, @source, @words, @size, @mtime_ms, @ino, @hash, @blocks, @warnings, @body,
    @cjk_headline, @cjk_text, @feed_file, @url, @feed, @published, @author, @categories, @enclosures)`;

export const UPDATE_ENTRY_SQL = `
  UPDATE articles SET id = @id, root = @root, section = @section, headline = @headline, standfirst = @standfirst, date = @date,
    source = @source, words = @words, size = @size, mtime_ms = @mtime_ms, ino = @ino, hash = @hash, blocks = @blocks,
    warnings = @warnings, body = @body, cjk_headline = @cjk_headline, cjk_text = @cjk_text,
    feed_file = @feed_file, url = @url, feed = @feed, published = @published,
    author = @author, categories = @categories, enclosures = @enclosures
  WHERE path = @path`;

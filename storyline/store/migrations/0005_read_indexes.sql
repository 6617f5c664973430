-- Indexes for the listings the web app and CLI read most (newest activity first, an event's
-- articles with their outlets and copies, speakers by name). Measured with benchmarks/bench_web.py at
-- 100,000 articles: worst page p95 with one client 186 ms without them, 82 ms with them.
CREATE INDEX events_end ON events("end", id);
CREATE INDEX storylines_end ON storylines("end", id);
CREATE INDEX articles_event_cover ON articles(event, published, outlet, copy_of);
CREATE INDEX speakers_name ON speakers(name, id);

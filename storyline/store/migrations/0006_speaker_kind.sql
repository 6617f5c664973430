-- Speakers that are not people: an organisation speaking ("The Kremlin", a newspaper) or an
-- unnamed source ("a senior official"). Existing rows are people unless they were unnamed.
ALTER TABLE speakers ADD COLUMN kind TEXT NOT NULL DEFAULT 'person';
UPDATE speakers SET kind = 'unnamed' WHERE named = 0;

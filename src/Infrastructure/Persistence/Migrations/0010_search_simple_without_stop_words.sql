-- The `simple` half of a search question (kept for scenes indexed with the simple configuration, e.g. Japanese) also
-- kept English stop words ("the", "how"), each one more index lookup and, in simple-indexed scenes, a match for nearly
-- every scene. askvideo_simple is `simple` (lower-cased words, no stemming) without the English stop words.
CREATE TEXT SEARCH DICTIONARY askvideo_simple_stop (TEMPLATE = simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION askvideo_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION askvideo_simple
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_part, hword_asciipart, hword_numpart
    WITH askvideo_simple_stop;

-- A producer's `ocop dossier status` says when its dossier is evaluated under a rubric version the
-- program holds without point tables (QĐ 148 for dossiers filed before 22/5/2026, Art. 12.2), so it
-- reads the version's metadata (public law, like the commune's and the council's reading of it).
GRANT SELECT ON rubric_version TO ocop_producer;

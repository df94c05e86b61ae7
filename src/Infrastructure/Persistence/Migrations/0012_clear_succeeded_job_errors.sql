-- last_error is the error of a job's last run; a succeeded job's last run had none. Versions before this one kept an
-- earlier attempt's error when a later one succeeded (Admin → Jobs showed it in red under "Succeeded"); they are
-- cleared once, and JobStore.CompleteAsync clears it from now on.
UPDATE jobs SET last_error = NULL WHERE status = 'succeeded' AND last_error IS NOT NULL;

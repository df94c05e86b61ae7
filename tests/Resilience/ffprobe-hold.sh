#!/bin/sh
# ffprobe for the API of the API-kill scenario (ApiKillMidUploadTests): while $ASKVIDEO_PROBE_HOLD/hold exists, a call
# first says so ($ASKVIDEO_PROBE_HOLD/waiting) and waits, so the test can kill the API between "file stored" and
# "video committed". Otherwise it is ffprobe.
if [ -n "${ASKVIDEO_PROBE_HOLD:-}" ] && [ -e "$ASKVIDEO_PROBE_HOLD/hold" ]; then
  touch "$ASKVIDEO_PROBE_HOLD/waiting"
  while [ -e "$ASKVIDEO_PROBE_HOLD/hold" ]; do sleep 0.05; done
fi
exec ffprobe "$@"

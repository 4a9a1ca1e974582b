#!/bin/sh
# Creates the refresh job's class-data-sharing archive: the classes a run loads, already parsed
# and verified, which the JVM maps at start instead of loading them from the jar one by one.
#
#   create-class-archive.sh JAR ARCHIVE
#
# The job image runs it at build time, with the image's own JVM (an archive only works with the
# JVM that wrote it, and with the jar at the same path). The training run is a real refresh that
# cannot connect: it loads the command line, the pool and the MySQL driver up to the connection
# attempt, and ends with exit code 1, which is expected here. The archive is checked afterwards.
set -eu
jar="$1"
archive="$2"
rm -f "$archive"
# The archive is written on top of the JVM's default one (lib/server/classes.jsa); a runtime
# shipped without it gets it made first (as root, which an image build is).
if ! java -Xshare:on -XX:-UsePerfData -version >/dev/null 2>&1; then
  java -Xshare:dump -XX:-UsePerfData >/dev/null
fi
DB_URL=jdbc:mysql://127.0.0.1:1/training DB_USERNAME=training DB_PASSWORD=training \
  java -XX:ArchiveClassesAtExit="$archive" -XX:-UsePerfData -Xshare:auto \
  -jar "$jar" refresh --days 1 --termination-message-path /dev/null >/dev/null 2>&1 || true
if [ ! -s "$archive" ]; then
  echo "create-class-archive: no archive was written to $archive" >&2
  exit 1
fi
# The archive must map: -Xshare:on fails instead of silently loading from the jar.
java -XX:SharedArchiveFile="$archive" -Xshare:on -XX:-UsePerfData -jar "$jar" --version >/dev/null

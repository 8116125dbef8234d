#!/bin/sh
# Entrypoint of the standalone Artemis in docker-compose.yml (image apache/activemq-artemis): on an empty volume it
# creates the broker instance, as the image's own entrypoint would; on every start configure.sh writes broker.xml,
# the users, roles and queue partners' queues from the environment (ARTEMIS_USER, ARTEMIS_PASSWORD, QUEUE_PARTNERS,
# <CODE>_PARTNER_TOKEN, ARTEMIS_HA_*: see there); then it runs the broker. One of a high-availability pair
# (docker-compose.ha.yml) sets ARTEMIS_SHARED_DATA, the directory of the store both brokers share: the instance's
# data/ is made a link to it.
set -eu

: "${ARTEMIS_USER:?set ARTEMIS_USER}" "${ARTEMIS_PASSWORD:?set ARTEMIS_PASSWORD}"
INSTANCE=/var/lib/artemis-instance

if [ ! -f "$INSTANCE/etc/broker.xml" ]; then
  /opt/activemq-artemis/bin/artemis create --silent --require-login --role gateway \
    --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --http-host 0.0.0.0 --relax-jolokia "$INSTANCE"
fi
if [ -n "${ARTEMIS_SHARED_DATA:-}" ] && [ ! -L "$INSTANCE/data" ]; then
  # A journal of the broker's single days is never thrown away: moving it into the shared store is the operator's call.
  if [ -n "$(ls -A "$INSTANCE/data" 2>/dev/null)" ]; then
    echo "$INSTANCE/data holds a journal: move its content to $ARTEMIS_SHARED_DATA, then start again" >&2
    exit 1
  fi
  rm -rf "$INSTANCE/data"
  ln -s "$ARTEMIS_SHARED_DATA" "$INSTANCE/data"
fi
/bin/sh /opt/exchange/configure.sh "$INSTANCE/etc"

exec "$INSTANCE/bin/artemis" run

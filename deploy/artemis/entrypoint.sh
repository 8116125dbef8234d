#!/bin/sh
# Entrypoint of the standalone Artemis in docker-compose.yml (image apache/activemq-artemis): on an empty volume it
# creates the broker instance, as the image's own entrypoint would; on every start configure.sh writes broker.xml,
# the users, roles and queue partners' queues from the environment (ARTEMIS_USER, ARTEMIS_PASSWORD, QUEUE_PARTNERS,
# <CODE>_PARTNER_TOKEN: see there); then it runs the broker.
set -eu

: "${ARTEMIS_USER:?set ARTEMIS_USER}" "${ARTEMIS_PASSWORD:?set ARTEMIS_PASSWORD}"
INSTANCE=/var/lib/artemis-instance

if [ ! -f "$INSTANCE/etc/broker.xml" ]; then
  /opt/activemq-artemis/bin/artemis create --silent --require-login --role gateway \
    --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --http-host 0.0.0.0 --relax-jolokia "$INSTANCE"
fi
/bin/sh /opt/exchange/configure.sh "$INSTANCE/etc"

exec "$INSTANCE/bin/artemis" run

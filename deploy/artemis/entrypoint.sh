#!/bin/sh
# Entrypoint of the standalone Artemis in docker-compose.yml (image apache/activemq-artemis). Artemis expands no
# environment variables in its users, roles or broker.xml, so on every start this writes them from the environment
# and then runs the broker: a changed token takes effect on the next start.
#
#   ARTEMIS_USER, ARTEMIS_PASSWORD  the gateway's user: every permission on every address
#   QUEUE_PARTNERS                  codes of the partners on queues (default: the nine Greater Bay Area cities)
#   <CODE>_PARTNER_TOKEN            each queue partner's password; its user name is its code
#
# A queue partner may send to partner.<CODE>.inbound and consume and browse partner.<CODE>.replies and .outbound,
# nothing else. Its queues are created with the broker, since it may create nothing. The same as the gateway's
# embedded broker grants (EmbeddedBrokerSecurity).
set -eu

: "${ARTEMIS_USER:?set ARTEMIS_USER}" "${ARTEMIS_PASSWORD:?set ARTEMIS_PASSWORD}"
QUEUE_PARTNERS=${QUEUE_PARTNERS:-GZ SZ ZH FS JM ZQ HZ DG ZS}
INSTANCE=/var/lib/artemis-instance
ETC=$INSTANCE/etc

token() {
  eval "printf '%s' \"\${$1_PARTNER_TOKEN:?set $1_PARTNER_TOKEN}\""
}
for code in $QUEUE_PARTNERS; do token "$code" > /dev/null; done

# First start on an empty volume: create the broker instance, as the image's own entrypoint would.
if [ ! -f "$ETC/broker.xml" ]; then
  /opt/activemq-artemis/bin/artemis create --silent --require-login --role gateway \
    --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --http-host 0.0.0.0 --relax-jolokia "$INSTANCE"
fi
cp /opt/exchange/broker.xml "$ETC/broker.xml"

# A backslash is an escape in a properties file.
escaped() { printf '%s' "$1" | sed 's/\\/\\\\/g'; }

# security_setting MATCH EXTRA_SENDERS EXTRA_READERS: every permission for the gateway, send or consume and browse
# for the roles given (",partner-SZ").
security_setting() {
  printf '  <security-setting match="%s">\n' "$1"
  for type in send consume browse createAddress deleteAddress createDurableQueue deleteDurableQueue \
      createNonDurableQueue deleteNonDurableQueue manage view edit; do
    case $type in
      send) roles="gateway$2" ;;
      consume | browse) roles="gateway$3" ;;
      *) roles=gateway ;;
    esac
    printf '    <permission type="%s" roles="%s"/>\n' "$type" "$roles"
  done
  printf '  </security-setting>\n'
}

queue() {
  printf '  <address name="%s"><anycast><queue name="%s"/></anycast></address>\n' "$1" "$1"
}

{
  printf '%s = %s\n' "$ARTEMIS_USER" "$(escaped "$ARTEMIS_PASSWORD")"
  for code in $QUEUE_PARTNERS; do printf '%s = %s\n' "$code" "$(escaped "$(token "$code")")"; done
} > "$ETC/artemis-users.properties"

{
  printf 'gateway = %s\n' "$ARTEMIS_USER"
  for code in $QUEUE_PARTNERS; do printf 'partner-%s = %s\n' "$code" "$code"; done
} > "$ETC/artemis-roles.properties"

{
  printf '<security-settings xmlns="urn:activemq:core">\n'
  security_setting "#" "" ""
  for code in $QUEUE_PARTNERS; do
    security_setting "partner.$code.inbound" ",partner-$code" ""
    security_setting "partner.$code.replies" "" ",partner-$code"
    security_setting "partner.$code.outbound" "" ",partner-$code"
  done
  printf '</security-settings>\n'
} > "$ETC/security-settings.xml"

{
  printf '<addresses xmlns="urn:activemq:core">\n'
  queue gateway.DLQ
  for code in $QUEUE_PARTNERS; do
    queue "partner.$code.inbound"
    queue "partner.$code.replies"
    queue "partner.$code.outbound"
  done
  printf '</addresses>\n'
} > "$ETC/addresses.xml"

exec "$INSTANCE/bin/artemis" run

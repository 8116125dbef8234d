#!/bin/sh
# Sets up a broker instance made with `artemis create` as the gateway's broker: copies broker.xml to the instance's
# etc/ and writes, from the environment, the files it includes or reads. Artemis expands no environment variables in
# its users, roles or broker.xml, so this runs before every start: a changed token takes effect on the next start.
# entrypoint.sh runs it in docker-compose.yml; the crash drill (docs/crash-drill.md) runs it on a broker of its own,
# so that the drill tests this configuration.
#
#   usage: configure.sh INSTANCE_ETC_DIRECTORY
#
#   ARTEMIS_USER, ARTEMIS_PASSWORD  the gateway's user: every permission on every address
#   QUEUE_PARTNERS                  codes of the partners on queues (default: the nine Greater Bay Area cities)
#   <CODE>_PARTNER_TOKEN            each queue partner's password; its user name is its code
#
# A queue partner may send to partner.<CODE>.inbound and consume and browse partner.<CODE>.replies and .outbound,
# nothing else. Its queues are created with the broker, since it may create nothing. The same as the gateway's
# embedded broker grants (EmbeddedBrokerSecurity).
set -eu

ETC=${1:?usage: configure.sh INSTANCE_ETC_DIRECTORY}
: "${ARTEMIS_USER:?set ARTEMIS_USER}" "${ARTEMIS_PASSWORD:?set ARTEMIS_PASSWORD}"
QUEUE_PARTNERS=${QUEUE_PARTNERS:-GZ SZ ZH FS JM ZQ HZ DG ZS}

token() {
  eval "printf '%s' \"\${$1_PARTNER_TOKEN:?set $1_PARTNER_TOKEN}\""
}
for code in $QUEUE_PARTNERS; do token "$code" > /dev/null; done

cp "$(dirname "$0")/broker.xml" "$ETC/broker.xml"

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

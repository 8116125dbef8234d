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
#   ARTEMIS_HA_ROLE                 primary or backup for one broker of a high-availability pair; unset for one broker
#   ARTEMIS_HA_CONNECTOR            with a role: this broker's address as its peer and clients reach it, tcp://host:port
#   ARTEMIS_HA_PEER                 with a role: the other broker's address
#
# A pair shares one store (shared-store): the instance's data/ is the same directory for both, and whichever holds its
# lock is active. The backup waits, without an open acceptor, until the primary dies or stops, then loads the journal
# and serves; the primary takes over again when it comes back (failback). Both announce themselves over a cluster
# connection, so that a client connected to one learns of the other and fails over to it.
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

# A backslash is an escape in a properties file.
escaped() { printf '%s' "$1" | sed 's/\\/\\\\/g'; }
xml_escaped() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

# The pair's part of broker.xml: its policy, how each broker is reached, and the cluster connection between them,
# authenticated with the gateway's user (both brokers have it). No messages move between the two: only one is active.
high_availability() {
  case $1 in
    primary) policy='<primary><failover-on-shutdown>true</failover-on-shutdown></primary>' ;;
    backup) policy='<backup><allow-failback>true</allow-failback><failover-on-shutdown>true</failover-on-shutdown></backup>' ;;
    *) echo "ARTEMIS_HA_ROLE is primary or backup, not $1" >&2; exit 1 ;;
  esac
  printf '    <ha-policy><shared-store>%s</shared-store></ha-policy>\n' "$policy"
  printf '    <connectors>\n'
  printf '      <connector name="self">%s</connector>\n' "$(xml_escaped "${ARTEMIS_HA_CONNECTOR:?set ARTEMIS_HA_CONNECTOR}")"
  printf '      <connector name="peer">%s</connector>\n' "$(xml_escaped "${ARTEMIS_HA_PEER:?set ARTEMIS_HA_PEER}")"
  printf '    </connectors>\n'
  printf '    <cluster-user>%s</cluster-user>\n' "$(xml_escaped "$ARTEMIS_USER")"
  printf '    <cluster-password>%s</cluster-password>\n' "$(xml_escaped "$ARTEMIS_PASSWORD")"
  printf '    <cluster-connections>\n'
  printf '      <cluster-connection name="exchange-pair">\n'
  printf '        <connector-ref>self</connector-ref>\n'
  printf '        <message-load-balancing>OFF</message-load-balancing>\n'
  printf '        <static-connectors><connector-ref>peer</connector-ref></static-connectors>\n'
  printf '      </cluster-connection>\n'
  printf '    </cluster-connections>\n'
}

if [ -n "${ARTEMIS_HA_ROLE:-}" ]; then
  high_availability "$ARTEMIS_HA_ROLE" > "$ETC/high-availability.part"
  awk -v part="$ETC/high-availability.part" \
    '/<!-- @high-availability@/ { while ((getline line < part) > 0) print line; close(part); skip = 1 }
     skip && /-->/ { skip = 0; next } !skip' \
    "$(dirname "$0")/broker.xml" > "$ETC/broker.xml"
else
  cp "$(dirname "$0")/broker.xml" "$ETC/broker.xml"
fi

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

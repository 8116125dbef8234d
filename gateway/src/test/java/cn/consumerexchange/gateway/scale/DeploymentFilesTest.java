package cn.consumerexchange.gateway.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deployment's compose files read as Docker Compose reads them (YAML, merge keys, {@code ${VAR}} interpolation),
 * checked for what makes them work where no Docker is at hand: every service has a health check, every variable has a
 * default or is documented in {@code deploy/compose.env.example}, every named volume is declared, the gateway scales
 * to N instances without a host port clash and is told every HTTP partner's URL, and the HA file names both brokers.
 * CI also runs {@code docker compose config -q} on them where Docker Compose is installed.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Path COMPOSE_HA = ROOT.resolve("docker-compose.ha.yml");
    private static final Path ENV_EXAMPLE = ROOT.resolve("deploy/compose.env.example");
    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?message}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?([^}]*)}");

    @Test
    void everyServiceHasAHealthCheck() throws IOException {
        Map<String, Map<String, Object>> services = mergedServices();
        assertThat(services).containsKeys("artemis", "artemis-backup", "postgres", "rabbitmq", "gateway");
        services.forEach((name, service) -> {
            assertThat(service).as("service %s", name).containsKey("healthcheck");
            assertThat(map(service.get("healthcheck")).get("test")).as("health check of %s", name).isNotNull();
        });
        assertThat(String.valueOf(map(services.get("gateway").get("healthcheck")).get("test")))
                .contains("/actuator/health/readiness");
    }

    @Test
    void everyVariableHasADefaultOrIsDocumented() throws IOException {
        Set<String> documented = Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches("[A-Z0-9_]+=.*"))
                .map(line -> line.substring(0, line.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> used = new TreeSet<>();
        for (Path file : List.of(COMPOSE, COMPOSE_HA)) {
            Matcher variable = VARIABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (variable.find()) {
                used.add(variable.group(1));
                boolean required = variable.group(2) == null || variable.group(2).endsWith("?");
                if (required) {
                    assertThat(documented).as("%s, required by %s, in %s", variable.group(1), file, ENV_EXAMPLE)
                            .contains(variable.group(1));
                }
            }
        }
        assertThat(used).as("variables the compose files use").containsAll(documented);
    }

    @Test
    void everyNamedVolumeIsDeclared() throws IOException {
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.putAll(map(load(COMPOSE).get("volumes")));
        declared.putAll(map(load(COMPOSE_HA).get("volumes")));
        mergedServices().forEach((name, service) -> {
            for (Object volume : list(service.get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(declared).as("volume %s of service %s", source, name).containsKey(source);
                }
            }
        });
    }

    @Test
    void gatewayInstancesScaleWithoutAHostPortClash() throws IOException {
        Map<String, Object> gateway = map(map(load(COMPOSE).get("services")).get("gateway"));
        assertThat(map(gateway.get("deploy"))).containsKey("replicas");
        for (Object port : list(gateway.get("ports"))) {
            String[] parts = withDefaults(String.valueOf(port)).split(":");
            assertThat(parts).as("port %s: a host range, so each instance takes a port of its own", port).hasSize(2);
            assertThat(parts[0]).as("host side of %s", port).contains("-");
        }
        assertThat(gateway).doesNotContainKey("container_name");
    }

    @Test
    void theGatewayIsToldEveryHttpPartnersUrl() throws IOException {
        Map<String, Object> environment = map(mergedServices().get("gateway").get("environment"));
        JsonNode partners = new ObjectMapper().readTree(ROOT.resolve("seeds/partners/partners.json").toFile());
        int httpPartners = 0;
        for (JsonNode partner : partners) {
            if (partner.path("transport").asText().equals("HTTP")) {
                httpPartners++;
                String code = partner.path("code").asText();
                assertThat(partner.path("outbound").asText()).as("outbound of %s", code)
                        .startsWith("${exchange.partner-urls." + code + ":");
                assertThat(environment).as("the gateway's environment").containsKey("EXCHANGE_PARTNER_URLS_" + code);
                assertThat(String.valueOf(environment.get("EXCHANGE_PARTNER_URLS_" + code)))
                        .doesNotContain("simulator");
            }
        }
        assertThat(httpPartners).isPositive();
        assertThat(environment.get("EXCHANGE_SIMULATOR_ENABLED")).isEqualTo("false");
        assertThat(String.valueOf(environment.get("EXCHANGE_PARTNER_LOCATIONS")))
                .contains("file:/etc/exchange/partners/");
    }

    @Test
    void theHighAvailabilityFileMakesAPairTheGatewayFailsOverBetween() throws IOException {
        Map<String, Map<String, Object>> services = mergedServices();
        Map<String, Object> primary = map(services.get("artemis").get("environment"));
        Map<String, Object> backup = map(services.get("artemis-backup").get("environment"));
        assertThat(primary).containsEntry("ARTEMIS_HA_ROLE", "primary");
        assertThat(backup).containsEntry("ARTEMIS_HA_ROLE", "backup");
        assertThat(primary.get("ARTEMIS_SHARED_DATA")).isEqualTo(backup.get("ARTEMIS_SHARED_DATA")).isNotNull();
        assertThat(backup.keySet()).as("the backup has the primary's users and tokens").containsAll(primary.keySet());
        assertThat(String.valueOf(map(services.get("gateway").get("environment")).get("SPRING_ARTEMIS_BROKER_URL")))
                .contains("tcp://artemis:61616", "tcp://artemis-backup:61616", "ha=true", "reconnectAttempts=-1");
    }

    /** The value with every variable replaced by its default, as Compose reads it where the variable is not set. */
    private static String withDefaults(String value) {
        return VARIABLE.matcher(value).replaceAll(variable -> Matcher.quoteReplacement(
                variable.group(2) != null && variable.group(2).endsWith("-") ? variable.group(3) : ""));
    }

    /** The services of docker-compose.yml with docker-compose.ha.yml laid over them, as {@code -f a -f b} merges. */
    private static Map<String, Map<String, Object>> mergedServices() throws IOException {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        for (Path file : List.of(COMPOSE, COMPOSE_HA)) {
            map(load(file).get("services")).forEach((name, definition) -> {
                Map<String, Object> merged = services.computeIfAbsent(name, any -> new LinkedHashMap<>());
                map(definition).forEach((key, value) -> merged.merge(key, value, DeploymentFilesTest::overlay));
            });
        }
        return services;
    }

    /** Compose's merge: mappings merge key by key, sequences (volumes, ports) add up, anything else is replaced. */
    @SuppressWarnings("unchecked")
    private static Object overlay(Object base, Object over) {
        if (base instanceof Map<?, ?> baseMap && over instanceof Map<?, ?> overMap) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) baseMap);
            merged.putAll((Map<String, Object>) overMap);
            return merged;
        }
        if (base instanceof List<?> baseList && over instanceof List<?> overList) {
            return Stream.concat(baseList.stream(), overList.stream()).toList();
        }
        return over;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        return new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    private static List<?> list(Object node) {
        return node == null ? List.of() : (List<?>) node;
    }
}

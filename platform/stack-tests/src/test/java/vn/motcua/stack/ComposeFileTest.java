package vn.motcua.stack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no Docker engine on the build machines, so docker-compose.yml cannot be run here; this keeps it honest
 * instead: every application, port, database and environment variable it names must match the code's configuration
 * and the local launcher.
 */
class ComposeFileTest {

    @SuppressWarnings("unchecked")
    private final Map<String, Map<String, Object>> services =
            (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(Repo.read("docker-compose.yml")).get("services");

    @Test
    void every_application_is_built_from_its_module_and_published_on_its_configured_port() {
        for (String application : Repo.APPLICATIONS) {
            Map<String, Object> service = services.get(application);
            assertThat(service).as("compose service %s", application).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(build.get("context")).isEqualTo("./" + application);
            assertThat(Files.exists(Repo.ROOT.resolve(application).resolve((String) build.get("dockerfile"))))
                    .as("Dockerfile of %s", application).isTrue();
            int port = Repo.defaultPort(application);
            assertThat((List<String>) service.get("ports")).as("ports of %s", application).contains("127.0.0.1:" + port + ":" + port);
            assertThat(environment(application).get("MOTCUA_HTTP_PORT")).isEqualTo(String.valueOf(port));
        }
    }

    @Test
    void it_is_a_development_stack_reachable_from_this_machine_only() {
        assertThat(Repo.read("docker-compose.yml")).startsWith("# FOR DEVELOPMENT ONLY");
        services.forEach((name, service) -> {
            @SuppressWarnings("unchecked")
            List<String> ports = (List<String>) service.getOrDefault("ports", List.of());
            assertThat(ports).as("ports of %s", name).allMatch(p -> p.startsWith("127.0.0.1:"));
        });
        for (String application : Repo.APPLICATIONS) {
            assertThat(environment(application).get("QUARKUS_PROFILE")).as("profile of %s", application).isEqualTo("local");
        }
    }

    @Test
    void each_service_uses_its_own_database_which_compose_and_the_launcher_create() {
        String init = Repo.read("platform/docker/postgres-init.sql");
        String launcher = Repo.read("motcua");
        for (String application : Repo.APPLICATIONS) {
            Repo.defaultDatabase(application).ifPresent(database -> {
                assertThat(environment(application).get("QUARKUS_DATASOURCE_JDBC_URL"))
                        .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
                assertThat(init).contains("create database " + database + " ");
                assertThat(launcher).contains(application + ") echo " + database + " ;;");
            });
        }
        assertThat(Repo.APPLICATIONS.stream().flatMap(a -> Repo.defaultDatabase(a).stream()).distinct().count())
                .as("one database per service").isEqualTo(5);
    }

    @Test
    void every_environment_variable_is_read_by_the_application() {
        for (String application : Repo.APPLICATIONS) {
            String properties = Repo.properties(application);
            for (String variable : environment(application).keySet()) {
                if (variable.equals("QUARKUS_PROFILE") || variable.equals("MOTCUA_WEB_TRUSTED_GATEWAYS")) {
                    continue; // Quarkus's own profile switch; platform/web's ClientAddress setting
                }
                String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
                boolean referenced = properties.contains("${" + variable + ":") || properties.contains("${" + variable + "}");
                boolean overridesProperty = properties.lines().anyMatch(l -> l.startsWith(property + "="));
                assertThat(referenced || overridesProperty)
                        .as("%s sets %s, which %s's application.properties neither references nor defines", application,
                                variable, application)
                        .isTrue();
            }
        }
    }

    @Test
    void the_kafka_image_is_the_release_our_clients_and_tests_use() {
        String kafkaVersion = Repo.find(Repo.read("pom.xml"), "<kafka.version>([^<]+)</kafka.version>").orElseThrow();
        assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + kafkaVersion);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String application) {
        Map<String, Object> env = (Map<String, Object>) services.get(application).get("environment");
        return env.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }
}

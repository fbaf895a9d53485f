package vn.motcua.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Tokens;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The access log: one JSON object per request with the route template (not the raw path) and the request id. */
@QuarkusTest
class AccessLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(AccessLog.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(AccessLog.CATEGORY).removeHandler(capture);
    }

    @Test
    void each_request_is_one_json_line_with_route_template_status_duration_client_and_request_id() throws Exception {
        given().auth().oauth2(Tokens.withRole("cd-log", "citizen")).header("X-Request-Id", "log-req-1")
                .get("/api/v1/dossiers/d-123456/history").then().statusCode(200);
        given().header("X-Request-Id", "log-req-2").get("/api/v1/dossiers/d-123456").then().statusCode(401);

        await().until(() -> lines.stream().anyMatch(l -> l.contains("log-req-2")));
        ObjectMapper json = new ObjectMapper();
        JsonNode ok = json.readTree(lines.stream().filter(l -> l.contains("log-req-1")).findFirst().orElseThrow());
        assertThat(ok.path("method").asText()).isEqualTo("GET");
        assertThat(ok.path("route").asText()).isEqualTo("/api/v1/dossiers/**");
        assertThat(ok.toString()).doesNotContain("d-123456");
        assertThat(ok.path("status").asInt()).isEqualTo(200);
        assertThat(ok.path("durationMs").isNumber()).isTrue();
        assertThat(ok.path("client").asText()).isEqualTo("127.0.0.1");
        assertThat(ok.path("requestId").asText()).isEqualTo("log-req-1");
        assertThat(ok.path("upstream").asText()).isEqualTo("dossier");
        assertThat(ok.path("subject").asText()).isEqualTo("cd-log");
        JsonNode refused = json.readTree(lines.stream().filter(l -> l.contains("log-req-2")).findFirst().orElseThrow());
        assertThat(refused.path("status").asInt()).isEqualTo(401);
    }
}

package vn.motcua.bench.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (f) event pipeline latency, end to end through real processes: a citizen's draft is committed by dossier-service
 * (the 201 response is sent after the commit), then travels outbox → relay → Kafka → notification-service → its
 * inbox table; we time until the citizen can read the notification. Reads are polled every 5 ms, so figures carry up
 * to ~5 ms of polling error plus one HTTP round trip.
 * Usage: {@code PipelineLatency <dossier-base-url> <notification-base-url> <token> <count>}
 */
public final class PipelineLatency {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String dossiers = args[0];
        String notifications = args[1];
        String token = args[2];
        int count = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        double[] latencies = new double[count];
        for (int i = 0; i < count + 5; i++) {
            HttpRequest create = HttpRequest.newBuilder(URI.create(dossiers + "/api/v1/dossiers"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"procedureCode\":\"1.001193\",\"channel\":\"ONLINE\",\"returnMethod\":\"ELECTRONIC\"}"))
                    .build();
            HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
            long committed = System.nanoTime();
            if (created.statusCode() != 201) {
                throw new IllegalStateException("draft creation answered " + created.statusCode() + ": " + created.body());
            }
            Matcher id = ID.matcher(created.body());
            if (!id.find()) {
                throw new IllegalStateException("no id in " + created.body());
            }
            HttpRequest inbox = HttpRequest.newBuilder(URI.create(notifications + "/api/v1/notifications/inbox?size=5"))
                    .header("Authorization", "Bearer " + token).GET().build();
            long deadline = committed + Duration.ofSeconds(30).toNanos();
            while (!http.send(inbox, HttpResponse.BodyHandlers.ofString()).body().contains(id.group(1))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no notification for dossier " + id.group(1) + " within 30 s");
                }
                Thread.sleep(5);
            }
            if (i >= 5) {
                latencies[i - 5] = (System.nanoTime() - committed) / 1_000_000.0;
            }
        }
        System.out.println(Percentiles.summary("event_pipeline", latencies));
    }
}

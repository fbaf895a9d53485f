package vn.motcua.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import vn.motcua.contracts.events.CloudEventCodec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the national portal's dossier sync API on the test HTTP server: it keeps the dossiers it was given,
 * answers "already exists" to a second create and "not found" to an update of an unknown dossier, checks the
 * bearer token and the date format, and can be told to fail the next calls for a dossier.
 */
public final class FakePortal {

    public static final String TOKEN = "test-portal-token";
    /** MaHoSo → the last document stored. */
    public static final Map<String, JsonNode> DOSSIERS = new ConcurrentHashMap<>();
    /** MaHoSo → every status (TrangThaiHoSo) accepted, in the order the portal accepted them. */
    public static final Map<String, List<Integer>> HISTORY = new ConcurrentHashMap<>();
    /** MaHoSo → the Idempotency-Key of every push accepted, in the same order as {@link #HISTORY}. */
    public static final Map<String, List<String>> KEYS = new ConcurrentHashMap<>();
    /** MaHoSo → how many more calls fail with HTTP 500. */
    public static final Map<String, AtomicInteger> FAIL_NEXT = new ConcurrentHashMap<>();
    /** MaHoSo → an error code the portal answers (HTTP 200) instead of accepting, every time. */
    public static final Map<String, String> REFUSE_WITH = new ConcurrentHashMap<>();

    private static final String DATE = "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}";

    private FakePortal() {
    }

    public static void install() {
        OutsideSystems.http().respond("/portal/api/dossiers", FakePortal::answer);
    }

    private static HttpStub.Reply answer(HttpStub.Request request) {
        if (!("Bearer " + TOKEN).equals(request.header("Authorization"))) {
            return new HttpStub.Reply(401, "{\"error_code\":\"UNAUTHORIZED\",\"message\":\"token không hợp lệ\"}");
        }
        JsonNode doc;
        try {
            doc = CloudEventCodec.mapper().readTree(request.body());
        } catch (Exception e) {
            return reply("INVALID_JSON", "dữ liệu không hợp lệ");
        }
        String code = doc.path("MaHoSo").asText();
        AtomicInteger failures = FAIL_NEXT.get(code);
        if (failures != null && failures.getAndDecrement() > 0) {
            return new HttpStub.Reply(500, "{\"error_code\":\"SYSTEM_ERROR\",\"message\":\"lỗi hệ thống\"}");
        }
        if (REFUSE_WITH.containsKey(code)) {
            return reply(REFUSE_WITH.get(code), "hồ sơ bị từ chối đồng bộ");
        }
        if (!doc.path("NgayCapNhat").asText().matches(DATE)
                || doc.hasNonNull("NgayHenTra") && !doc.path("NgayHenTra").asText().matches(DATE)) {
            return reply("INVALID_DATE", "ngày phải có dạng dd/MM/yyyy HH:mm:ss");
        }
        if (request.method().equals("POST")) {
            if (DOSSIERS.containsKey(code)) {
                return reply("DOSSIER_EXISTS", "Hồ sơ đã tồn tại");
            }
            return accept(code, doc, request.header("Idempotency-Key"));
        }
        if (request.method().equals("PUT")) {
            String pathCode = URLDecoder.decode(request.path().substring("/portal/api/dossiers/".length()), StandardCharsets.UTF_8);
            if (!pathCode.equals(code)) {
                return reply("CODE_MISMATCH", "mã hồ sơ không khớp");
            }
            if (!DOSSIERS.containsKey(code)) {
                return reply("DOSSIER_NOT_FOUND", "Không tìm thấy hồ sơ");
            }
            return accept(code, doc, request.header("Idempotency-Key"));
        }
        return new HttpStub.Reply(405, "{\"error_code\":\"METHOD\"}");
    }

    private static HttpStub.Reply accept(String code, JsonNode doc, String key) {
        DOSSIERS.put(code, doc);
        KEYS.computeIfAbsent(code, c -> new CopyOnWriteArrayList<>()).add(String.valueOf(key));
        HISTORY.computeIfAbsent(code, c -> new CopyOnWriteArrayList<>()).add(doc.path("TrangThaiHoSo").asInt());
        return reply("0", "Thành công");
    }

    private static HttpStub.Reply reply(String code, String message) {
        return new HttpStub.Reply(200, "{\"error_code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}

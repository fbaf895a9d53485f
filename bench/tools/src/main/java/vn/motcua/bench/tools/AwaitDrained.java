package vn.motcua.bench.tools;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waits until the given consumer groups have read everything on their topics (lag 0 on every partition), so that a
 * latency probe that follows is not queued behind the events of an earlier load. Exits 1 if that takes longer than
 * the timeout. Usage: {@code AwaitDrained <bootstrap> <timeout-seconds> <group>...}
 */
public final class AwaitDrained {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long deadline = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
        List<String> groups = List.of(args).subList(2, args.length);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long lag;
            do {
                lag = 0;
                for (String group : groups) {
                    lag += lag(admin, group);
                }
                if (lag == 0) {
                    System.out.println("bench: consumer groups " + groups + " have caught up");
                    return;
                }
                Thread.sleep(1000);
            } while (System.currentTimeMillis() < deadline);
            System.err.println("bench: consumer groups " + groups + " still " + lag + " records behind");
            System.exit(1);
        }
    }

    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = new HashMap<>(admin.listOffsets(latest).all().get());
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            long end = ends.get(entry.getKey()).offset();
            long read = entry.getValue() == null ? 0 : entry.getValue().offset();
            lag += Math.max(0, end - read);
        }
        return lag;
    }
}

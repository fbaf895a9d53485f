package vn.motcua.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./motcua} the way a developer does, with the environment of one test's stack. */
final class Motcua {

    private Motcua() {
    }

    record Result(int exit, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }

        String all() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    static Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Repo.ROOT.resolve("motcua").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("motcua-out", ".log");
        Path err = Files.createTempFile("motcua-err", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(Repo.ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(6, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./motcua " + String.join(" ", args) + " did not finish in 6 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Component name → pid, from the pid files {@code up} wrote under the state directory. */
    static Map<String, Long> pids(Path home) throws IOException {
        Map<String, Long> pids = new HashMap<>();
        Path dir = home.resolve("pids");
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                pids.put(file.getFileName().toString().replace(".pid", ""), Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

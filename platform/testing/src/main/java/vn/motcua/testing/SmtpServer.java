package vn.motcua.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real (minimal) SMTP server on a loopback port, for tests: speaks RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT), stores every accepted mail, and can answer a recipient with a chosen reply (e.g. 550 or 451).
 */
public final class SmtpServer implements AutoCloseable {

    public record ReceivedMail(String from, List<String> recipients, String data) {
        public String subject() {
            Matcher m = Pattern.compile("(?im)^Subject: (.*(?:\\r?\\n[ \\t].*)*)").matcher(data);
            return m.find() ? MimeText.decodeHeader(m.group(1).replaceAll("\\r?\\n[ \\t]", " ")) : null;
        }

        public String text() {
            return MimeText.decodeBody(data);
        }

        public String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": (.*)$").matcher(data);
            return m.find() ? m.group(1).trim() : null;
        }
    }

    private final ServerSocket socket;
    private final List<ReceivedMail> mails = new CopyOnWriteArrayList<>();
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private final Map<String, java.time.Duration> slowRecipients = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public SmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "test-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<ReceivedMail> mails() {
        return List.copyOf(mails);
    }

    public List<ReceivedMail> mailsTo(String address) {
        return mails.stream().filter(m -> m.recipients().contains(address.toLowerCase())).toList();
    }

    /** Answer RCPT TO for this address with the given reply, e.g. "550 5.1.1 mailbox unknown". */
    public void replyToRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(), reply);
    }

    /**
     * Play a slow mail server for mails to this address: the mail is accepted (stored) at once, but the final reply to
     * DATA comes only after {@code delay} — as a loaded provider does, and long enough to outlast a sender's lease.
     */
    public void answerSlowly(String address, java.time.Duration delay) {
        slowRecipients.put(address.toLowerCase(), delay);
    }

    private void accept() {
        while (running) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> serve(client), "test-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 test-smtp ESMTP ready");
            String from = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-test-smtp greets you\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250 OK");
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 test-smtp");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = address(line.substring(10));
                    recipients.clear();
                    reply(out, "250 2.1.0 OK");
                } else if (upper.startsWith("RCPT TO:")) {
                    String to = address(line.substring(8)).toLowerCase();
                    String custom = recipientReplies.get(to);
                    if (custom != null) {
                        reply(out, custom);
                    } else {
                        recipients.add(to);
                        reply(out, "250 2.1.5 OK");
                    }
                } else if (upper.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                    }
                    mails.add(new ReceivedMail(from, List.copyOf(recipients), data.toString()));
                    int queued = mails.size();
                    java.time.Duration delay = recipients.stream().map(slowRecipients::get).filter(d -> d != null)
                            .max(java.time.Duration::compareTo).orElse(java.time.Duration.ZERO);
                    if (!delay.isZero()) {
                        try {
                            Thread.sleep(delay.toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    reply(out, "250 2.0.0 queued as " + queued);
                } else if (upper.startsWith("RSET")) {
                    from = null;
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (upper.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 command not implemented");
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static String address(String arg) {
        String a = arg.trim();
        int lt = a.indexOf('<');
        int gt = a.indexOf('>');
        return lt >= 0 && gt > lt ? a.substring(lt + 1, gt) : a.split(" ")[0];
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        running = false;
        socket.close();
    }

    /** Just enough MIME decoding for assertions: encoded-word headers, quoted-printable and base64 bodies. */
    static final class MimeText {
        private static final Pattern WORD = Pattern.compile("=\\?([^?]+)\\?([QqBb])\\?([^?]*)\\?=");

        static String decodeHeader(String header) {
            Matcher m = WORD.matcher(header.replaceAll("\\?=\\s+=\\?", "?==?"));
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String decoded = m.group(2).equalsIgnoreCase("B")
                        ? new String(Base64.getDecoder().decode(m.group(3)), StandardCharsets.UTF_8)
                        : quotedPrintable(m.group(3).replace('_', ' '));
                m.appendReplacement(out, Matcher.quoteReplacement(decoded));
            }
            m.appendTail(out);
            return out.toString();
        }

        static String decodeBody(String data) {
            int split = data.indexOf("\r\n\r\n");
            String headers = split < 0 ? "" : data.substring(0, split);
            String body = split < 0 ? data : data.substring(split + 4);
            String encoding = "";
            Matcher m = Pattern.compile("(?im)^Content-Transfer-Encoding: *(\\S+)").matcher(headers);
            if (m.find()) {
                encoding = m.group(1).toLowerCase();
            }
            return switch (encoding) {
                case "quoted-printable" -> quotedPrintable(body.replace("=\r\n", ""));
                case "base64" -> new String(Base64.getMimeDecoder().decode(body.trim()), StandardCharsets.UTF_8);
                default -> body;
            };
        }

        static String quotedPrintable(String text) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '=' && isHex(text, i + 1) && isHex(text, i + 2)) {
                    bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    bytes.write(b, 0, b.length);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        private static boolean isHex(String text, int at) {
            return at < text.length() && Character.digit(text.charAt(at), 16) >= 0;
        }
    }
}

package vn.motcua.dossier.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails as soon as there are more than {@code max}, so a document larger than
 * announced never ends up in storage whole.
 */
public final class SizeLimitedInputStream extends FilterInputStream {

    /** Thrown (as an IOException, so that storage code passes it through) when the limit is exceeded. */
    public static final class TooLarge extends IOException {
        public TooLarge(long max) {
            super("more than " + max + " bytes");
        }
    }

    private final long max;
    private long count;

    public SizeLimitedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws TooLarge {
        count += n;
        if (count > max) {
            throw new TooLarge(max);
        }
    }
}

package br.com.vetric.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads the answer of an upstream service (CVE-PRO, a WhatsApp gateway) as UTF-8 text of at most a number of bytes
 * and within a time, so a broken or hostile peer can neither fill VETRIC's memory nor hold a thread by trickling
 * (the JDK client's request timeout ends when the headers arrive). Past the cap or the time the rest is not kept
 * (and the exchange is cancelled) and, depending on the handler, the call fails ({@link #failingPast}) or keeps what
 * came ({@link #truncatedAt}).
 */
public final class BoundedBody {

    private BoundedBody() {}

    /**
     * A body of more than {@code maxBytes} (declared or as it arrives) fails the call with an {@link IOException}
     * caused by {@link TooLargeException} (see {@link #tooLarge(Throwable)}); a body not complete {@code within} the
     * time after the headers fails it with an {@link HttpTimeoutException}.
     */
    public static HttpResponse.BodyHandler<String> failingPast(long maxBytes, Duration within) {
        return info -> new Subscriber(
                maxBytes,
                within,
                false,
                info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** The first {@code maxBytes} of the body, or what came {@code within} the time; the rest is dropped unread. */
    public static HttpResponse.BodyHandler<String> truncatedAt(long maxBytes, Duration within) {
        return info -> new Subscriber(maxBytes, within, true, -1);
    }

    /** Whether a failed call failed because the body passed the cap (the HTTP client wraps the cause). */
    public static boolean tooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** The answer was longer than the cap. */
    public static final class TooLargeException extends IOException {

        TooLargeException(long maxBytes) {
            super("response body larger than " + maxBytes + " bytes");
        }
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<String> {

        private static final long CANCEL_AFTER_MS = 500;

        private final long maxBytes;
        private final Duration within;
        private final boolean truncate;
        private final long declared;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;

        Subscriber(long maxBytes, Duration within, boolean truncate, long declared) {
            this.maxBytes = maxBytes;
            this.within = within;
            this.truncate = truncate;
            this.declared = declared;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > maxBytes) {
                stop(false); // nothing is requested: not one byte of it is read
                return;
            }
            // the deadline's timer is cancelled when the body completes: a timer still waiting would keep this
            // subscriber, with the whole body twice (bytes and text), until the deadline, and CVE-PRO's answers at
            // 10,000 chargers (megabytes every 10 s, a 30 s deadline) would stay in the heap three polls long
            CompletableFuture<Void> deadline = new CompletableFuture<>();
            deadline.completeOnTimeout(null, within.toMillis(), TimeUnit.MILLISECONDS)
                    .thenRun(() -> {
                        if (!result.isDone()) {
                            stop(true);
                        }
                    });
            result.whenComplete((body, failure) -> deadline.cancel(false));
            s.request(Long.MAX_VALUE);
        }

        /**
         * Ends the read early: keeps what came (truncating), or fails; then cancels the exchange, a moment later. The
         * client hands the result on from another thread, and a cancel that came first would replace it with an
         * error of its own (a truncated answer would be lost, a cap reported as a network error); meanwhile
         * whatever still arrives is dropped.
         */
        private synchronized void stop(boolean timedOut) {
            if (truncate) {
                result.complete(text());
            } else {
                result.completeExceptionally(
                        timedOut
                                ? new HttpTimeoutException(
                                        "response body not complete within " + within.toSeconds() + " s")
                                : new TooLargeException(maxBytes));
            }
            CompletableFuture.delayedExecutor(CANCEL_AFTER_MS, TimeUnit.MILLISECONDS)
                    .execute(subscription::cancel);
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                long room = maxBytes - bytes.size();
                if (b.remaining() > room) {
                    write(b, (int) room);
                    stop(false);
                    return;
                }
                write(b, b.remaining());
            }
        }

        private void write(ByteBuffer b, int n) {
            byte[] chunk = new byte[n];
            b.get(chunk);
            bytes.write(chunk, 0, n);
        }

        private String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public synchronized void onComplete() {
            result.complete(text());
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }
    }
}

package br.com.vetric.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an {@code /api/**} request body larger than {@link ApiProperties#maxBodySize()} with 413 problem+json
 * before anything parses it. A declared {@code Content-Length} is checked without reading; a body without one
 * (chunked) is read into memory up to the limit and handed on from there, or refused the moment it passes the
 * limit (GET, HEAD, OPTIONS and TRACE bodies are nobody's business and pass as they are). Multipart uploads are left to their own limit; form posts to the container's ({@code
 * server.tomcat.max-http-form-post-size}), as their body is parsed by the container itself.
 */
class ApiBodyLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiBodyLimitFilter.class);

    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final int maxBytes;

    ApiBodyLimitFilter(ApiProperties props) {
        this.maxBytes = (int) props.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        if (declared >= 0
                || BODILESS.contains(request.getMethod())
                || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.info(
                "Refused a request body over {} bytes on {} {}",
                maxBytes,
                request.getMethod(),
                request.getRequestURI());
        String detail = "body: larger than " + maxBytes + " bytes";
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Content too large\",\"status\":413,"
                        + "\"detail\":\"" + detail + "\",\"errors\":[{\"field\":\"body\",\"message\":\"larger than "
                        + maxBytes
                        + " bytes\"}]}");
    }

    /** The request with its (already read, within the limit) body served from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            return new BufferedReader(new InputStreamReader(getInputStream(), cs));
        }
    }
}

package com.callpermissionledger.api.filter;

import com.callpermissionledger.api.problem.BodyTooLargeException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The body gate on its own: a refused body is answered without one byte of it read. */
class BodySizeLimitFilterTest {

    private final BodySizeLimitFilter gate = new BodySizeLimitFilter(new ObjectMapper());

    /** A request that remembers whether anyone asked for its body. */
    static final class Watched extends MockHttpServletRequest {
        boolean read;

        Watched(String contentType, byte[] body, boolean chunked) {
            super("POST", "/api/v1/businesses/1/users/2/calls");
            if (contentType != null) {
                setContentType(contentType);
                addHeader("Content-Type", contentType);
            }
            setContent(body);
            if (chunked) {
                addHeader("Transfer-Encoding", "chunked");
            }
        }

        @Override
        public int getContentLength() {
            return getHeader("Transfer-Encoding") != null ? -1 : super.getContentLength();
        }

        @Override
        public ServletInputStream getInputStream() {
            read = true;
            return super.getInputStream();
        }
    }

    private MockHttpServletResponse pass(Watched request, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aLargeMultipartBodyIs413AndAChunkedOneOrASmallOne415WithoutReadingIt() throws Exception {
        byte[] large = multipart(900_000);
        for (boolean chunked : new boolean[]{false, true}) {
            Watched request = new Watched("multipart/form-data; boundary=XyZ", large, chunked);
            MockFilterChain chain = new MockFilterChain();

            MockHttpServletResponse response = pass(request, chain);

            assertThat(response.getStatus()).isEqualTo(chunked ? 415 : 413);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(request.read).as("body read").isFalse();
            assertThat(chain.getRequest()).as("passed on").isNull();
        }
        Watched small = new Watched("multipart/form-data; boundary=XyZ", multipart(100), false);
        assertThat(pass(small, new MockFilterChain()).getStatus()).isEqualTo(415);
        assertThat(small.read).isFalse();
    }

    @Test
    void formsTextAndBodiesWithoutATypeAre415Unread() throws Exception {
        String[] types = {"application/x-www-form-urlencoded", "text/plain", "application/xml",
                "application/octet-stream", "application/*+json", "not a media type", null};
        for (String type : types) {
            for (boolean chunked : new boolean[]{false, true}) {
                Watched request = new Watched(type, "requestId=wamid.1&channel=TEMPLATE".getBytes(StandardCharsets.UTF_8), chunked);

                MockHttpServletResponse response = pass(request, new MockFilterChain());

                assertThat(response.getStatus()).as(type + (chunked ? " chunked" : "")).isEqualTo(415);
                assertThat(response.getContentAsString()).contains("UNSUPPORTED_MEDIA_TYPE");
                assertThat(request.read).as(type).isFalse();
            }
        }
    }

    @Test
    void jsonAndNoBodyPassAndAChunkedJsonBodyIsCutAt16KiB() throws Exception {
        for (String type : new String[]{"application/json", "application/json; charset=UTF-8", "application/merge-patch+json"}) {
            MockFilterChain chain = new MockFilterChain();
            pass(new Watched(type, "{}".getBytes(StandardCharsets.UTF_8), false), chain);
            assertThat(chain.getRequest()).as(type).isNotNull();
        }
        MockFilterChain chain = new MockFilterChain();
        Watched get = new Watched(null, null, false);
        get.setMethod("GET");
        pass(get, chain);
        assertThat(chain.getRequest()).as("a GET without body or type").isNotNull();

        MockFilterChain streamed = new MockFilterChain();
        pass(new Watched("application/json", new byte[BodySizeLimitFilter.MAX_BYTES + 1], true), streamed);
        var in = streamed.getRequest().getInputStream();
        byte[] buffer = new byte[4096];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
            throw new AssertionError("read " + total + " bytes past the limit");
        } catch (BodyTooLargeException expected) {
            assertThat(total).isLessThanOrEqualTo(BodySizeLimitFilter.MAX_BYTES);
        }
    }

    private static byte[] multipart(int size) {
        String head = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n";
        return (head + "x".repeat(size) + "\r\n--XyZ--\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}

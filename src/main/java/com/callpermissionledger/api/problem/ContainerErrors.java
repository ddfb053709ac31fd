package com.callpermissionledger.api.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Some requests never reach Spring: Tomcat itself refuses a malformed request line or an encoded slash in
 * a path. Its HTML error page is replaced by a problem+json answer, so every error has the same shape.
 * An encoded slash inside an id is passed through to the application, which rejects it as an invalid id.
 */
@Component
public class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            // Tomcat would answer TRACE itself with an empty 405; let it through to the firewall, which refuses
            // it as problem+json (SecurityProblems) before any filter or handler could echo it
            connector.setAllowTrace(true);
        });
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Writes Tomcat's own errors as problem+json, without any detail of the server. */
    public static class ProblemReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String code = status == 400 ? "INVALID_REQUEST" : status == 404 ? "NOT_FOUND" : "HTTP_" + status;
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"urn:call-permission-ledger:problem:" + code.toLowerCase().replace('_', '-')
                            + "\",\"title\":\"Request refused\",\"status\":" + status + ",\"code\":\"" + code
                            + "\",\"detail\":\"The request could not be read as HTTP for this API. Nothing was recorded.\"}");
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response is committed; there is no one left to tell
            }
        }
    }
}

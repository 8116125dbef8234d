package cn.consumerexchange.gateway.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import jakarta.servlet.ServletException;

/**
 * Closes the connection instead of letting Tomcat read the rest of a request body the application did not read.
 * Tomcat otherwise "swallows" that rest (up to {@code max-swallow-size}) with blocking reads on the worker thread after
 * the answer, even one sent with {@code Connection: close}: a client trickling the body of a refused request held the
 * thread for as long as it kept sending (issue 7). Tomcat itself skips the swallow this way for a refused upload when
 * a context sets {@code swallowAbortedUploads=false}; this does it for every answer, and says so with
 * {@code Connection: close} where the answer is not sent yet (a JSON body read by Jackson leaves a chunked body's last
 * chunk unread). An engine valve, so it runs after Tomcat's error page handling.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (!request.isAsync() && !request.isFinished()) {
            if (!response.isCommitted()) {
                // The client learns the connection ends here, instead of finding it closed under its next request.
                response.setHeader("Connection", "close");
            }
            if (response.getStatus() < 400) {
                // Tomcat marks the exchange as failed, which would turn an answer not yet sent into a 500.
                response.flushBuffer();
            }
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}

package cn.consumerexchange.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An operator's browser session on the console, over plain HTTP: keeps its session cookie, follows no redirect, and
 * sends the CSRF token the last page carried with every form, as the console's own forms do.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private String csrf;

    public ConsoleSession(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** A session already logged in through the login form. */
    public static ConsoleSession loggedIn(int port, String username, String password) {
        ConsoleSession session = new ConsoleSession(port);
        HttpResponse<String> answer = session.logIn(username, password);
        if (answer.headers().firstValue("Location").filter(location -> location.contains("error")).isPresent()) {
            throw new IllegalStateException("Login refused for " + username);
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET().build());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    public HttpResponse<String> logIn(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    /** Posts a form with the CSRF token; a login changes the session and its token, so the next page is read again. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        if (csrf == null) {
            get("/login");
        }
        String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + encode(csrf) + (form.isEmpty() ? "" : "&"), ""));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        csrf = null;
        return answer;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package br.com.vetric.identity;

import static br.com.vetric.support.WebFixtures.ADMIN_EMAIL;
import static br.com.vetric.support.WebFixtures.ADMIN_PASSWORD;
import static br.com.vetric.support.WebFixtures.CLIENTE_EMAIL;
import static br.com.vetric.support.WebFixtures.CLIENTE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.support.HttpFrom;
import br.com.vetric.support.WebTest;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document over real HTTP: an ADMIN's bearer token reads it, and it documents every request field. */
@WebTest
class ApiDocsTest {

    @LocalServerPort
    int port;

    HttpFrom http() {
        return HttpFrom.address("127.0.0.1", port);
    }

    String token(String email, String password) {
        HttpResponse<String> r = http().apiLogin(email, password);
        assertThat(r.statusCode()).isEqualTo(200);
        return JsonPath.read(r.body(), "$.token");
    }

    String docs() {
        HttpResponse<String> r =
                http().get("/v3/api-docs", "Authorization", "Bearer " + token(ADMIN_EMAIL, ADMIN_PASSWORD));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie"))
                .as("a bearer read makes no session")
                .isEmpty();
        return r.body();
    }

    @Test
    void anAdminBearerTokenReadsTheDocumentAnonymousIs401AndClienteIs403() {
        assertThat(docs()).contains("\"openapi\"");
        HttpResponse<String> anonymous = http().get("/v3/api-docs");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(http().get("/v3/api-docs", "Authorization", "Bearer not-a-token")
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> cliente =
                http().get("/v3/api-docs", "Authorization", "Bearer " + token(CLIENTE_EMAIL, CLIENTE_PASSWORD));
        assertThat(cliente.statusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportUploadDocumentsItsMultipartFieldsWithTitleRequired() {
        String doc = docs();
        Map<String, Object> upload = JsonPath.read(doc, "$.paths['/api/v1/reports'].post");
        List<Object> query = JsonPath.read(Map.of("p", upload.getOrDefault("parameters", List.of())), "$.p[*].name");
        assertThat(query).as("multipart fields are not query parameters").doesNotContain("title", "description");
        Map<String, Object> schema =
                resolve(doc, JsonPath.read(upload, "$.requestBody.content['multipart/form-data'].schema"));
        assertThat((List<String>) JsonPath.read(schema, "$.required"))
                .as("what Documents.upload refuses without")
                .containsExactlyInAnyOrder("file", "title", "year", "month");
        assertThat((Map<String, Object>) JsonPath.read(schema, "$.properties"))
                .containsKeys("file", "title", "description", "year", "month", "visibility");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNewPasswordChangeAndTheLoginAreDocumentedWithTheirRequiredFields() {
        String doc = docs();
        assertThat((Object) JsonPath.read(doc, "$.paths['/api/v1/account/password'].post"))
                .isNotNull();
        assertThat(required(doc, "/api/v1/account/password", "post")).contains("currentPassword", "newPassword");
        assertThat(required(doc, "/api/v1/auth/login", "post")).contains("email", "password");
        assertThat(required(doc, "/api/v1/residents", "post")).contains("name", "apartment");
        assertThat(required(doc, "/api/v1/tariff", "put")).contains("mode");
        assertThat((Map<String, Object>) JsonPath.read(requestSchema(doc, "/api/v1/tariff", "put"), "$.properties"))
                .as("the tariff's fields and its effective date side by side in one body")
                .containsKeys(
                        "mode", "flatPrice", "peakPrice", "offPeakPrice", "peakStart", "peakEnd", "effectiveFrom");
        assertThat(required(doc, "/api/v1/notification-settings/test", "post")).contains("phone");
        assertThat(JsonPath.<List<Object>>read(doc, "$.security[*].bearer")).isNotEmpty();
        assertThat(JsonPath.<List<Object>>read(doc, "$.servers[*].url")).containsExactly("/");
    }

    @Test
    void theCondominiumHeaderIsDocumentedWhereACallActsOnOneCondominiumAndTheNewResourcesTheirFields() {
        String doc = docs();
        assertThat(JsonPath.<List<String>>read(doc, "$.paths['/api/v1/sessions'].get.parameters[*].name"))
                .contains(CurrentCondominium.HEADER);
        assertThat(JsonPath.<List<String>>read(doc, "$.paths['/api/v1/residents'].post.parameters[*].name"))
                .contains(CurrentCondominium.HEADER);
        assertThat(JsonPath.<List<String>>read(doc, "$.paths['/api/v1/users'].get..name"))
                .doesNotContain(CurrentCondominium.HEADER);
        assertThat(required(doc, "/api/v1/condominiums", "post")).containsExactly("name");
        assertThat(required(doc, "/api/v1/users", "post")).containsExactlyInAnyOrder("email", "name", "role");
        assertThat((Object) JsonPath.read(doc, "$.paths['/api/v1/condominiums/{id}'].patch"))
                .isNotNull();
        assertThat((Object) JsonPath.read(doc, "$.paths['/api/v1/users/{id}'].patch"))
                .isNotNull();
    }

    @SuppressWarnings("unchecked")
    List<String> required(String doc, String path, String method) {
        return (List<String>) requestSchema(doc, path, method).getOrDefault("required", List.of());
    }

    static Map<String, Object> requestSchema(String doc, String path, String method) {
        return resolve(
                doc,
                JsonPath.read(
                        doc, "$.paths['" + path + "']." + method + ".requestBody.content['application/json'].schema"));
    }

    static Map<String, Object> resolve(String doc, Map<String, Object> schema) {
        if (schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
            return JsonPath.read(doc, "$.components.schemas['" + name + "']");
        }
        return schema;
    }

    @Test
    void theDocumentNamesNoServerFromTheHostHeader() {
        String response = HttpFrom.raw(
                "127.0.0.23",
                port,
                "GET /v3/api-docs HTTP/1.1\r\nHost: evil.example\r\n" + "Authorization: Bearer "
                        + token(ADMIN_EMAIL, ADMIN_PASSWORD) + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200").contains("\"openapi\"").doesNotContain("evil.example");
    }
}

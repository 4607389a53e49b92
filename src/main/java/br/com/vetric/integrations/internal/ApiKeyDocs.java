package br.com.vetric.integrations.internal;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's second kind of authentication: API keys ({@code Authorization: Bearer vtr_live_…}). Every
 * operation a key may call lists the scope it needs (in its security requirement and as {@code x-vetric-scope});
 * the others (the document's global requirement) users' tokens only.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyDocs {

    static final String USER_TOKEN = "bearer";
    static final String API_KEY = "apiKey";

    @Bean
    OpenApiCustomizer apiKeySecurity() {
        return api -> {
            api.getComponents()
                    .addSecuritySchemes(
                            API_KEY,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("vtr_live_…")
                                    .description("An API key of one condominium (POST /api/v1/api-keys), sent as"
                                            + " `Authorization: Bearer vtr_live_…`. It acts within its condominium"
                                            + " and its scopes; each answer carries RateLimit-Limit,"
                                            + " RateLimit-Remaining and RateLimit-Reset, and 429 with Retry-After"
                                            + " over the limit."));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> e :
                        item.readOperationsMap().entrySet()) {
                    Operation op = e.getValue();
                    ScopeMap.required(e.getKey().name(), path).ifPresent(scope -> {
                        op.setSecurity(List.of(
                                new SecurityRequirement().addList(USER_TOKEN),
                                new SecurityRequirement().addList(API_KEY, scope.code())));
                        op.addExtension("x-vetric-scope", scope.code());
                        op.setDescription((op.getDescription() == null ? "" : op.getDescription() + "\n\n")
                                + "API key scope: `" + scope.code() + "`.");
                    });
                }
            });
        };
    }
}

package br.com.vetric.identity.internal;

import br.com.vetric.identity.CurrentCondominium;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: the API is called with a bearer token from {@code POST /api/v1/auth/login}, and
 * its server is this origin ("/"), never a URL built from the request's Host header.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI vetricOpenApi() {
        return new OpenAPI()
                .info(new Info().title("VETRIC API").version("v1").description("""
                        Charging sessions, chargers, residents, consumption, notifications and reports of a \
                        condominium. Every call needs `Authorization: Bearer <token>`; get a token (valid 1 h by \
                        default) from `POST /api/v1/auth/login`. Errors are RFC 9457 problem details naming the \
                        field. A CLIENTE of one condominium calls as it is; an ADMIN, or a CLIENTE of several \
                        condominiums, names the one a call acts on with the header `Vetric-Condominium: <id>` \
                        (needed, and a 400 naming it when missing, unless exactly one of the caller's condominiums \
                        is active; a condominium the caller may not see is a 404)."""))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** The {@code Vetric-Condominium} header on every operation that acts on one condominium. */
    @Bean
    OperationCustomizer condominiumHeader() {
        return (operation, handler) -> {
            boolean scoped = Arrays.stream(handler.getBeanType().getDeclaredFields())
                    .anyMatch(f -> f.getType() == CurrentCondominium.class);
            if (scoped) {
                operation.addParametersItem(new HeaderParameter()
                        .name(CurrentCondominium.HEADER)
                        .required(false)
                        .description("the id of the condominium this call acts on; needed by an ADMIN or a CLIENTE"
                                + " of several condominiums unless exactly one of theirs is active")
                        .schema(new IntegerSchema().format("int64")));
            }
            return operation;
        };
    }
}

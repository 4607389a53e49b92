package br.com.vetric.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
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
                        field."""))
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
}

package br.com.vetric.identity.internal;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.Users;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. {@code /api/**}: stateless, bearer JWT, no CSRF (no cookies). Everything else: the web app with
 * form login, session cookie and CSRF; a session whose user was deactivated ends on its next request
 * ({@link ActiveUserFilter}). Only the login, static assets and health are public.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JwtEncoder jwtEncoder(Credentials credentials) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(credentials.signingKey()));
    }

    @Bean
    JwtDecoder jwtDecoder(Credentials credentials) {
        return NimbusJwtDecoder.withSecretKey(credentials.signingKey()).macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    AuthenticationProvider vetricAuthenticationProvider(Users users) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                AuthenticatedUser user = users.authenticate(authentication.getName(),
                        authentication.getCredentials() == null ? null : authentication.getCredentials().toString());
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder decoder, Users users) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").authenticated()
                        .requestMatchers("/api/v1/residents/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(jwt -> {
                            long id;
                            try {
                                id = Long.parseLong(jwt.getSubject());
                            } catch (NumberFormatException e) {
                                throw new BadCredentialsException("invalid token subject");
                            }
                            AuthenticatedUser user = users.findActive(id)
                                    .orElseThrow(() -> new BadCredentialsException("user no longer active"));
                            return UsernamePasswordAuthenticationToken.authenticated(user, jwt, user.getAuthorities());
                        }))
                        .authenticationEntryPoint((req, res, e) -> problem(res, 401, "Unauthorized",
                                "a valid bearer token is required")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, 401, "Unauthorized",
                                "a valid bearer token is required"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden",
                                "your role may not do this")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, Users users) throws Exception {
        http.addFilterAfter(new ActiveUserFilter(users), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/health", "/actuator/health", "/actuator/health/**", "/login", "/error",
                                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs",
                                "/v3/api-docs/**").hasRole("ADMIN")
                        .requestMatchers("/residents/new", "/residents/import", "/residents/import/**",
                                "/residents/unknown-tags", "/residents/unknown-tags/**", "/residents/*/edit")
                                .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/residents", "/residents/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").usernameParameter("email").passwordParameter("password")
                        .defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID")
                        .permitAll())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}

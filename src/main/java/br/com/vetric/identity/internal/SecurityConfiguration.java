package br.com.vetric.identity.internal;

import br.com.vetric.identity.ApiKeyGate;
import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CondominiumInactiveException;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.ResidentPrincipals;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four doors.
 * <ul>
 * <li>{@code /health}, {@code /actuator/health/**}, {@code /actuator/prometheus}: public, stateless.</li>
 * <li>{@code /api/**}: stateless, bearer JWT, no CSRF (no cookies).</li>
 * <li>{@code /v3/api-docs/**}: the OpenAPI document, for an ADMIN with a bearer token or a web session (Swagger
 * UI); creates no session.</li>
 * <li>Everything else: the web app with form login, session cookie and CSRF.</li>
 * </ul>
 * A session or token whose user was deactivated, reactivated or got a new password since it was made stops
 * working on its next request (the credentials version; {@link ActiveUserFilter} for sessions, the JWT converter
 * for tokens). Failed logins are throttled per source address ({@link LoginThrottle}). Anonymous requests create
 * no session, except the login page's (its CSRF token). Every page gets a Content-Security-Policy without inline
 * scripts or styles; HSTS is sent on requests that came over https (directly or from a trusted proxy).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The pages' policy: only VETRIC's own scripts, styles, fonts and images (plus Bootstrap's data: SVGs). */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";
    /** Swagger UI (ADMIN only) injects {@code <style>} elements; everything else as the pages. */
    static final String SWAGGER_UI_POLICY =
            PAGE_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    static final String CSP = "Content-Security-Policy";

    /** Where a resident signs in to the residents' app. */
    static final String RESIDENT_SIGN_IN = "/app/entrar";

    /** The residents' app's public parts: its sign-in page and what makes it installable and work offline. */
    static final String[] RESIDENT_APP_PUBLIC = {
        RESIDENT_SIGN_IN,
        RESIDENT_SIGN_IN + "/codigo",
        "/app/manifest.webmanifest",
        "/app/sw.js",
        "/app/offline.html",
        "/app/icons/**"
    };
    /** JSON answers are never rendered: nothing may load. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JwtEncoder jwtEncoder(Credentials credentials) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(credentials.signingKey()));
    }

    /** HS256 only; {@code iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp} and {@code ver} required. */
    @Bean
    JwtDecoder jwtDecoder(Credentials credentials) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(credentials.signingKey())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(TokenService.ISSUER),
                new JwtAudienceValidator(TokenService.AUDIENCE),
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<>(JwtClaimNames.IAT, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, s -> s != null && s.matches("\\d{1,18}")),
                new JwtClaimValidator<>(TokenService.VERSION_CLAIM, v -> v instanceof Number))));
        MappedJwtClaimSetConverter claims = MappedJwtClaimSetConverter.withDefaults(Map.of());
        decoder.setClaimSetConverter(raw -> {
            Map<String, Object> converted = new HashMap<>(claims.convert(raw));
            if (!raw.containsKey(JwtClaimNames.IAT)) {
                converted.remove(JwtClaimNames.IAT); // the default converter makes one up from exp
            }
            return converted;
        });
        return decoder;
    }

    @Bean
    AuthenticationProvider vetricAuthenticationProvider(LoginThrottle throttle) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String source =
                        authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
                AuthenticatedUser user = throttle.authenticate(
                        source,
                        authentication.getName(),
                        authentication.getCredentials() == null
                                ? null
                                : authentication.getCredentials().toString());
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
    SecurityFilterChain apiChain(
            HttpSecurity http,
            JwtDecoder decoder,
            Users users,
            ObjectProvider<ApiKeyGate> apiKeys,
            ObjectProvider<ResidentPrincipals> residents)
            throws Exception {
        http.securityMatcher("/api/**")
                // API keys (vtr_…) first; users' JWTs go on to the resource server
                .addFilterBefore(new ApiKeyFilter(apiKeys), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/login")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/resident-auth/code", "/api/v1/resident-auth/token")
                        .permitAll()
                        .requestMatchers("/api/v1/me", "/api/v1/me/**")
                        .hasRole(Role.RESIDENT.name())
                        .requestMatchers(residentPrincipal())
                        .denyAll() // a resident sees only the residents' app: none of the managers' endpoints
                        .requestMatchers(
                                "/api/v1/condominiums",
                                "/api/v1/condominiums/**",
                                "/api/v1/users",
                                "/api/v1/users/**",
                                "/api/v1/cpms-connections",
                                "/api/v1/cpms-connections/**",
                                "/api/v1/chargers/*/assignment")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/**")
                        .authenticated()
                        // residents' writes: an ADMIN, or the condominium's CLIENTE while the operator allows it,
                        // which only the residents module knows (it answers 403 itself)
                        .anyRequest()
                        .authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_POLICY)))
                .oauth2ResourceServer(o -> {
                    bearer(decoder, users, residents).customize(o);
                    o.bearerTokenResolver(ApiKeyFilter.jwtOnly());
                })
                .exceptionHandling(problems());
        return http.build();
    }

    /** A request whose authenticated principal is a resident (of the residents' app). */
    private static RequestMatcher residentPrincipal() {
        return req -> CurrentCondominium.currentUser()
                .filter(u -> u.role() == Role.RESIDENT)
                .isPresent();
    }

    /**
     * Health answers and the metrics scrape: public (the scrape's bearer token is checked before security, by
     * {@code platform.MetricsAccessFilter}), and they never read the web session, which lives in the database: a
     * logged-in browser asking for {@code /health} while the database is down gets the 503, not an error.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operationsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/health", "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // nothing here may look the session up: not the security context, not the anonymous user's details
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.disable())
                .anonymous(a -> a.disable())
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .csrf(c -> c.disable()) // nothing here changes anything
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_POLICY)));
        return http.build();
    }

    /** The OpenAPI document: an ADMIN's bearer token or web session; anonymous 401, CLIENTE 403, no session made. */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocsChain(
            HttpSecurity http, JwtDecoder decoder, Users users, ObjectProvider<ResidentPrincipals> residents)
            throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
                .addFilterAfter(new ActiveUserFilter(users, residents), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .csrf(c -> c.disable()) // read-only: GET only
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_POLICY)))
                .oauth2ResourceServer(bearer(decoder, users, residents))
                .exceptionHandling(problems());
        return http.build();
    }

    /** The web chain's CSRF tokens: in the session, but never the reason an anonymous request gets one. */
    @Bean
    CsrfTokenRepository webCsrfTokenRepository() {
        return new LoginPageOnlyCsrfTokenRepository();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(
            HttpSecurity http,
            Users users,
            ObjectProvider<ResidentPrincipals> residents,
            CsrfTokenRepository csrfTokens)
            throws Exception {
        CookieRequestCache requestCache = new CookieRequestCache();
        requestCache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        requestCache.setRequestMatcher(req -> "GET".equals(req.getMethod())
                && req.getHeader("HX-Request") == null
                && !String.valueOf(req.getHeader(HttpHeaders.ACCEPT)).contains("text/event-stream")); // pages only
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        toLogin.setFavorRelativeUris(true); // never a Location built from the Host header
        LoginUrlAuthenticationEntryPoint toAppSignIn = new LoginUrlAuthenticationEntryPoint(RESIDENT_SIGN_IN);
        toAppSignIn.setFavorRelativeUris(true);
        http.addFilterAfter(new ActiveUserFilter(users, residents), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(RESIDENT_APP_PUBLIC)
                        .permitAll()
                        .requestMatchers("/app", "/app/**")
                        .hasRole(Role.RESIDENT.name())
                        .requestMatchers(
                                "/health",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/login",
                                "/invitation/*",
                                LoginThrottledException.PAGE,
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico")
                        .permitAll()
                        .requestMatchers(residentPrincipal())
                        .denyAll() // a resident sees only the residents' app
                        .requestMatchers("/admin/**", "/swagger-ui/**", "/swagger-ui.html")
                        .hasRole("ADMIN")
                        // the residents' pages that change residents: an ADMIN, or the condominium's CLIENTE while
                        // the operator allows it, which only the residents module knows (it answers 403 itself)
                        .anyRequest()
                        .authenticated())
                // anonymous requests create no session: the address to return to after login goes in a cookie,
                // and a CSRF token is stored only in an existing session or for the login page
                .requestCache(c -> c.requestCache(requestCache))
                .csrf(c -> c.csrfTokenRepository(csrfTokens))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                toAppSignIn,
                                req -> req.getRequestURI().equals(req.getContextPath() + "/app")
                                        || req.getRequestURI().startsWith(req.getContextPath() + "/app/"))
                        .defaultAuthenticationEntryPointFor(toLogin, req -> true))
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler((req, res, auth) -> {
                            SavedRequest saved = requestCache.getRequest(req, res);
                            requestCache.removeRequest(req, res);
                            res.sendRedirect(
                                    saved instanceof DefaultSavedRequest d ? relative(d) : req.getContextPath() + "/");
                        })
                        .failureHandler((req, res, e) -> {
                            if (e instanceof LoginThrottledException t) {
                                t.forwardToPage(req, res);
                            } else if (e instanceof CondominiumInactiveException) {
                                res.sendRedirect(req.getContextPath() + "/login?inactive");
                            } else {
                                res.sendRedirect(req.getContextPath() + "/login?error");
                            }
                        })
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID")
                        .permitAll())
                .headers(pageHeaders());
        return http.build();
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> pageHeaders() {
        return h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter((req, res) -> {
                    if (!res.containsHeader(CSP)) {
                        boolean swaggerUi = req.getRequestURI().startsWith(req.getContextPath() + "/swagger-ui");
                        res.setHeader(CSP, swaggerUi ? SWAGGER_UI_POLICY : PAGE_POLICY);
                    }
                });
    }

    /** The path and query the browser asked for before logging in (the cookie only ever holds a relative path). */
    private static String relative(DefaultSavedRequest saved) {
        String uri = saved.getRequestURI();
        if (uri == null || !uri.startsWith("/") || uri.startsWith("//")) {
            return saved.getContextPath() + "/";
        }
        return saved.getQueryString() == null ? uri : uri + "?" + saved.getQueryString();
    }

    /**
     * Bearer JWTs whose user is still active with the credentials version the token was issued under (a resident's:
     * still active, with app access, under the same app version).
     */
    private static Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> bearer(
            JwtDecoder decoder, Users users, ObjectProvider<ResidentPrincipals> residents) {
        Converter<Jwt, AbstractAuthenticationToken> toUser = jwt -> {
            long id = Long.parseLong(jwt.getSubject()); // the validator allows digits only
            int version = ((Number) jwt.getClaim(TokenService.VERSION_CLAIM)).intValue();
            boolean resident = Role.RESIDENT.name().equals(jwt.getClaimAsString("role"));
            AuthenticatedUser user = (resident
                            ? residents.getObject().findValid(id, version)
                            : users.findValid(id, version).filter(u -> u.role() != Role.RESIDENT))
                    .orElseThrow(() -> new BadCredentialsException("token no longer valid"));
            return UsernamePasswordAuthenticationToken.authenticated(user, jwt, user.getAuthorities());
        };
        return o -> o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(toUser))
                .authenticationEntryPoint((req, res, e) -> unauthorized(res));
    }

    private static Customizer<ExceptionHandlingConfigurer<HttpSecurity>> problems() {
        return e -> e.authenticationEntryPoint((req, res, ex) -> unauthorized(res))
                .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden", "your role may not do this"));
    }

    static void unauthorized(HttpServletResponse res) throws IOException {
        res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problem(res, 401, "Unauthorized", "a valid bearer token is required");
    }

    private static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}

package br.com.vetric.residentapp.web;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.residentapp.Preferences;
import br.com.vetric.residentapp.internal.MyData;
import br.com.vetric.residentapp.internal.SignIn;
import br.com.vetric.residentapp.internal.SignInThrottledException;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The residents' app, phone-first: sign-in by a WhatsApp code, then Now (the resident's open session, live, and the
 * free chargers), History, Month (energy and cost per day, the statement's rule) and Preferences. Only a
 * {@code RESIDENT} web session gets past the sign-in page.
 */
@Controller
@RequestMapping("/app")
class ResidentAppController {

    private final SignIn signIn;
    private final MyData data;
    private final Chargers chargers;
    private final ResidentAppStream stream;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ResidentAppController(SignIn signIn, MyData data, Chargers chargers, ResidentAppStream stream) {
        this.signIn = signIn;
        this.data = data;
        this.chargers = chargers;
        this.stream = stream;
    }

    // --- sign-in

    @GetMapping("/entrar")
    String signInPage() {
        return "residentapp/sign-in";
    }

    @PostMapping("/entrar/codigo")
    String askCode(@RequestParam(required = false) String phone, HttpServletRequest request, Model model) {
        model.addAttribute("phone", phone);
        try {
            signIn.requestCode(request.getRemoteAddr(), phone);
        } catch (InvalidInputException e) {
            model.addAttribute("error", "app.signIn.invalidPhone");
            return "residentapp/sign-in";
        } catch (SignInThrottledException e) {
            model.addAttribute("error", "app.signIn.throttled");
            return "residentapp/sign-in";
        }
        return "residentapp/code";
    }

    @PostMapping("/entrar")
    String enter(
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) Long condominiumId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("phone", phone);
        SignIn.Outcome outcome;
        try {
            outcome = signIn.signIn(request.getRemoteAddr(), phone, code, condominiumId);
        } catch (InvalidInputException e) {
            model.addAttribute("error", "app.signIn.invalidPhone");
            return "residentapp/sign-in";
        } catch (SignInThrottledException e) {
            model.addAttribute("error", "app.signIn.throttled");
            return "residentapp/code";
        }
        return switch (outcome) {
            case SignIn.Outcome.SignedIn s -> {
                request.changeSessionId(); // a new session id once signed in
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        s.resident(), null, s.resident().getAuthorities()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                yield "redirect:/app";
            }
            case SignIn.Outcome.Refused r -> {
                model.addAttribute("error", "app.signIn.refused");
                yield "residentapp/code";
            }
            case SignIn.Outcome.ChooseCondominium c -> {
                model.addAttribute("code", code);
                model.addAttribute("choices", c.choices());
                yield "residentapp/code";
            }
        };
    }

    // --- the app

    @GetMapping
    String now(Model model) {
        AuthenticatedUser me = MeApiController.resident();
        model.addAttribute("tab", "now");
        model.addAttribute("me", data.me(me));
        nowModel(me, model);
        return "residentapp/now";
    }

    @GetMapping("/agora")
    String nowFragment(Model model) {
        nowModel(MeApiController.resident(), model);
        return "residentapp/now :: live";
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> liveStream() {
        AuthenticatedUser me = MeApiController.resident();
        return ResponseEntity.ok(
                stream.open(new CondominiumId(me.condominiumIds().getFirst()), me.id()));
    }

    @GetMapping("/historico")
    String history(@RequestParam(required = false) String month, Model model) {
        AuthenticatedUser me = MeApiController.resident();
        YearMonth m = month == null || month.isBlank() ? null : MeApiController.month(month);
        model.addAttribute("tab", "history");
        model.addAttribute("month", m);
        model.addAttribute("sessions", data.sessions(me, m, 0, 100).content());
        return "residentapp/history";
    }

    @GetMapping("/mes")
    String month(@RequestParam(required = false) String month, Model model) {
        AuthenticatedUser me = MeApiController.resident();
        MyData.Consumption c =
                data.consumption(me, month == null || month.isBlank() ? null : MeApiController.month(month));
        model.addAttribute("tab", "month");
        model.addAttribute("consumption", c);
        model.addAttribute("previous", c.month().minusMonths(1));
        model.addAttribute("next", c.month().plusMonths(1));
        List<String> days = new ArrayList<>();
        List<Double> kwh = new ArrayList<>();
        c.days().forEach(d -> {
            days.add("%02d/%02d".formatted(d.date().getDayOfMonth(), d.date().getMonthValue()));
            kwh.add(d.wh() / 1000.0);
        });
        model.addAttribute("chartDays", days);
        model.addAttribute("chartKwh", kwh);
        return "residentapp/month";
    }

    @GetMapping("/preferencias")
    String preferences(Model model) {
        model.addAttribute("tab", "preferences");
        model.addAttribute("preferences", data.preferences(MeApiController.resident()));
        model.addAttribute("notices", MyData.NOTICES);
        model.addAttribute("channels", MyData.CHANNELS);
        return "residentapp/preferences";
    }

    @PostMapping("/preferencias")
    String savePreferences(
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) String quietFrom,
            @RequestParam(required = false) String quietTo,
            Model model) {
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (var kind : MyData.NOTICES) {
            List<String> chosen = new ArrayList<>();
            for (String ch : MyData.CHANNELS) {
                if (form.containsKey(kind.name() + "." + ch)) {
                    chosen.add(ch);
                }
            }
            channels.put(kind.name(), chosen);
        }
        boolean quiet = quietFrom != null && !quietFrom.isBlank();
        try {
            data.savePreferences(
                    MeApiController.resident(),
                    new Preferences(channels, quiet ? new Preferences.QuietHours(quietFrom, quietTo) : null));
            model.addAttribute("saved", true);
        } catch (InvalidInputException e) {
            model.addAttribute("error", "app.preferences.invalidQuietHours");
        }
        return preferences(model);
    }

    private void nowModel(AuthenticatedUser me, Model model) {
        model.addAttribute("current", data.current(me));
        List<ChargerView> free = chargers
                .list(new CondominiumId(me.condominiumIds().getFirst()))
                .stream()
                .filter(c -> c.online() && c.status() == ConnectorStatus.AVAILABLE)
                .toList();
        model.addAttribute("free", free);
    }
}

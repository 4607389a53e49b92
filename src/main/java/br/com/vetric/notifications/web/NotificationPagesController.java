package br.com.vetric.notifications.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.notifications.GatewaySettingsCommand;
import br.com.vetric.notifications.InvalidGatewaySettings;
import br.com.vetric.notifications.NotificationFilter;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationStatus;
import br.com.vetric.notifications.Notifications;
import br.com.vetric.notifications.TemplateUpdate;
import br.com.vetric.notifications.TestMessageResult;
import br.com.vetric.notifications.WhatsAppProvider;
import br.com.vetric.platform.ApiParams;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The delivery log (ADMIN and CLIENTE, read-only) and the ADMIN pages for templates and WhatsApp settings. */
@Controller
class NotificationPagesController {

    private final Notifications notifications;
    private final CurrentCondominium current;

    NotificationPagesController(Notifications notifications, CurrentCondominium current) {
        this.notifications = notifications;
        this.current = current;
    }

    @GetMapping("/notifications")
    String log(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        NotificationFilter filter;
        try {
            filter = new NotificationFilter(
                    NotificationApiController.kindParam(kind),
                    NotificationApiController.statusParam(status),
                    ApiParams.periodStart("from", from),
                    ApiParams.periodEnd("to", to));
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", e.field() + ": " + e.getMessage());
            filter = NotificationFilter.any();
        }
        model.addAttribute("result", notifications.log(current.require(), filter, Math.max(page, 0), 50));
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("statuses", NotificationStatus.values());
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "notifications/log";
    }

    @GetMapping("/admin/notifications/templates")
    @PreAuthorize("hasRole('ADMIN')")
    String templates(Model model) {
        model.addAttribute("templates", notifications.templates(current.require()));
        model.addAttribute("placeholders", NotificationKind.PLACEHOLDERS);
        return "notifications/templates";
    }

    @PostMapping("/admin/notifications/templates/{kind}")
    @PreAuthorize("hasRole('ADMIN')")
    String saveTemplate(
            @PathVariable String kind,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam String body,
            @RequestParam(defaultValue = "0") int delaySeconds,
            RedirectAttributes redirect) {
        NotificationKind k = NotificationApiController.kind(kind);
        try {
            notifications.updateTemplate(
                    current.require(), k, new TemplateUpdate(enabled, body, k.timed() ? delaySeconds : null));
            redirect.addFlashAttribute("saved", k.name());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", k.name() + " — " + e.getMessage());
        }
        return "redirect:/admin/notifications/templates#" + k.name();
    }

    /** htmx: the text rendered with sample values, or the validation error. */
    @PostMapping("/admin/notifications/templates/preview")
    @PreAuthorize("hasRole('ADMIN')")
    String preview(@RequestParam String body, Model model) {
        try {
            model.addAttribute("preview", notifications.preview(current.require(), body));
        } catch (InvalidInputException e) {
            model.addAttribute("previewError", e.getMessage());
        }
        return "notifications/templates :: preview";
    }

    @GetMapping("/admin/notifications/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(Model model) {
        CondominiumId condo = current.require();
        model.addAttribute("settings", notifications.settings(condo));
        model.addAttribute(
                "managerPhonesText",
                String.join(
                        "\n",
                        notifications.settings(condo).managerPhones().stream()
                                .map(Phones::display)
                                .toList()));
        model.addAttribute("providers", WhatsAppProvider.values());
        return "notifications/settings";
    }

    @PostMapping("/admin/notifications/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSettings(
            @RequestParam WhatsAppProvider provider,
            @RequestParam(required = false) String evolutionUrl,
            @RequestParam(required = false) String evolutionInstance,
            @RequestParam(required = false) String evolutionApiKey,
            @RequestParam(required = false) String metaBaseUrl,
            @RequestParam(required = false) String metaPhoneNumberId,
            @RequestParam(required = false) String metaAccessToken,
            @RequestParam(required = false) String metaLanguage,
            @RequestParam(required = false, defaultValue = "") String managerPhones,
            RedirectAttributes redirect) {
        List<String> phones = Arrays.stream(managerPhones.split("[\\n,;]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        try {
            var saved = notifications.updateSettings(
                    current.require(),
                    new GatewaySettingsCommand(
                            provider,
                            nullToEmpty(evolutionUrl),
                            nullToEmpty(evolutionInstance),
                            evolutionApiKey,
                            nullToEmpty(metaBaseUrl),
                            nullToEmpty(metaPhoneNumberId),
                            metaAccessToken,
                            nullToEmpty(metaLanguage),
                            phones));
            redirect.addFlashAttribute("saved", true);
            if (!saved.refusedManagerPhones().isEmpty()) {
                redirect.addFlashAttribute("refusedPhones", String.join(", ", saved.refusedManagerPhones()));
            }
        } catch (InvalidGatewaySettings e) {
            redirect.addFlashAttribute("errorField", e.field());
            redirect.addFlashAttribute("errorProblem", e.problem().name());
        } catch (InvalidInputException e) { // named by its field, in the page's words
            redirect.addFlashAttribute("errorField", e.field());
            redirect.addFlashAttribute("errorProblem", "OTHER");
        }
        return "redirect:/admin/notifications/settings";
    }

    /** htmx: sends a test message and answers with the outcome. */
    @PostMapping("/admin/notifications/settings/test")
    @PreAuthorize("hasRole('ADMIN')")
    String test(@RequestParam String phone, Model model) {
        try {
            TestMessageResult r = notifications.sendTest(current.require(), phone);
            model.addAttribute("testResult", r);
        } catch (InvalidInputException e) {
            model.addAttribute("testPhoneInvalid", true);
        }
        return "notifications/settings :: testResult";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package br.com.vetric.notifications.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.notifications.DeliveredNotification;
import br.com.vetric.notifications.GatewaySettings;
import br.com.vetric.notifications.GatewaySettingsCommand;
import br.com.vetric.notifications.NotificationFilter;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationStatus;
import br.com.vetric.notifications.NotificationTemplate;
import br.com.vetric.notifications.Notifications;
import br.com.vetric.notifications.TemplateUpdate;
import br.com.vetric.notifications.TestMessageResult;
import br.com.vetric.platform.ApiParams;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.shared.PageResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/notifications} (delivery log, any authenticated user, own condominium),
 * {@code /api/v1/notification-templates} (read: any user; write: ADMIN) and
 * {@code /api/v1/notification-settings} (ADMIN; secrets are write-only).
 */
@RestController
class NotificationApiController {

    private final Notifications notifications;
    private final CurrentCondominium current;

    NotificationApiController(Notifications notifications, CurrentCondominium current) {
        this.notifications = notifications;
        this.current = current;
    }

    @GetMapping("/api/v1/notifications")
    PageResult<DeliveredNotification> log(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ApiParams.paging(page, size);
        NotificationFilter filter = new NotificationFilter(
                kindParam(kind),
                statusParam(status),
                ApiParams.periodStart("from", from),
                ApiParams.periodEnd("to", to));
        return notifications.log(current.require(), filter, page, size);
    }

    @GetMapping("/api/v1/notification-templates")
    List<NotificationTemplate> templates() {
        return notifications.templates(current.require());
    }

    @GetMapping("/api/v1/notification-templates/{kind}")
    NotificationTemplate template(@PathVariable String kind) {
        return notifications.template(current.require(), kind(kind));
    }

    @PutMapping("/api/v1/notification-templates/{kind}")
    @PreAuthorize("hasRole('ADMIN')")
    NotificationTemplate update(@PathVariable String kind, @RequestBody TemplateUpdate update) {
        return notifications.updateTemplate(current.require(), kind(kind), update);
    }

    @GetMapping("/api/v1/notification-settings")
    @PreAuthorize("hasRole('ADMIN')")
    GatewaySettings settings() {
        return notifications.settings(current.require());
    }

    @PutMapping("/api/v1/notification-settings")
    @PreAuthorize("hasRole('ADMIN')")
    GatewaySettings updateSettings(@RequestBody GatewaySettingsCommand cmd) {
        return notifications.updateSettings(current.require(), cmd);
    }

    record TestRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "(11) 99876-5432")
            String phone) {}

    @PostMapping("/api/v1/notification-settings/test")
    @PreAuthorize("hasRole('ADMIN')")
    TestMessageResult test(@RequestBody TestRequest request) {
        return notifications.sendTest(current.require(), request.phone());
    }

    static NotificationKind kind(String value) {
        try {
            return NotificationKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("notification kind " + value + " does not exist");
        }
    }

    static NotificationKind kindParam(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return NotificationKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "unknown kind '" + value + "'");
        }
    }

    static NotificationStatus statusParam(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return NotificationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "unknown status '" + value + "'");
        }
    }
}

package br.com.vetric.integrations.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.integrations.ApiScope;
import br.com.vetric.integrations.WebhookEvents;
import br.com.vetric.integrations.internal.ApiKeyService;
import br.com.vetric.integrations.internal.WebhookService;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.CondominiumId;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The condominium's API keys and webhooks (pt-BR): create and revoke keys, add and remove endpoints, the delivery log
 * with "enviar evento de teste" and replay. A new key's text and a new secret are shown in the answer to the form
 * itself, never through the session (which is kept in the database).
 */
@Controller
class IntegrationPagesController {

    private final ApiKeyService keys;
    private final WebhookService webhooks;
    private final CurrentCondominium current;

    IntegrationPagesController(ApiKeyService keys, WebhookService webhooks, CurrentCondominium current) {
        this.keys = keys;
        this.webhooks = webhooks;
        this.current = current;
    }

    @GetMapping("/integrations")
    String page(Model model) {
        return page(current.require(), model);
    }

    private String page(CondominiumId condo, Model model) {
        model.addAttribute("keys", keys.list(condo));
        model.addAttribute("webhooks", webhooks.list(condo));
        model.addAttribute(
                "scopes", Arrays.stream(ApiScope.values()).map(ApiScope::code).toList());
        model.addAttribute("events", WebhookEvents.ALL);
        return "integrations/index";
    }

    @PostMapping("/integrations/api-keys")
    String createKey(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) List<String> scopes,
            Model model) {
        CondominiumId condo = current.require();
        try {
            ApiKeyService.Created created = keys.create(condo, name, scopes, null, null);
            model.addAttribute("newKey", created.text());
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.field() + ": " + e.getMessage());
        }
        return page(condo, model);
    }

    @PostMapping("/integrations/api-keys/{id}/revoke")
    String revoke(@PathVariable long id) {
        keys.revoke(current.require(), id);
        return "redirect:/integrations";
    }

    @PostMapping("/integrations/webhooks")
    String createWebhook(
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String description,
            Model model) {
        CondominiumId condo = current.require();
        try {
            model.addAttribute(
                    "newSecret",
                    webhooks.create(condo, url, events, description).secret());
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.field() + ": " + e.getMessage());
        }
        return page(condo, model);
    }

    @PostMapping("/integrations/webhooks/{id}/delete")
    String delete(@PathVariable long id) {
        webhooks.delete(current.require(), id);
        return "redirect:/integrations";
    }

    @GetMapping("/integrations/webhooks/{id}")
    String webhook(@PathVariable long id, Model model) {
        return webhook(current.require(), id, model);
    }

    private String webhook(CondominiumId condo, long id, Model model) {
        model.addAttribute("webhook", webhooks.get(condo, id));
        model.addAttribute("deliveries", webhooks.deliveries(condo, id));
        return "integrations/webhook";
    }

    @PostMapping("/integrations/webhooks/{id}/test")
    String test(@PathVariable long id) {
        webhooks.test(current.require(), id);
        return "redirect:/integrations/webhooks/" + id + "?test";
    }

    @PostMapping("/integrations/webhooks/{id}/rotate-secret")
    String rotate(@PathVariable long id, Model model) {
        CondominiumId condo = current.require();
        model.addAttribute("newSecret", webhooks.rotate(condo, id).secret());
        return webhook(condo, id, model);
    }

    @PostMapping("/integrations/webhooks/{id}/deliveries/{deliveryId}/replay")
    String replay(@PathVariable long id, @PathVariable String deliveryId, Model model) {
        CondominiumId condo = current.require();
        try {
            webhooks.replay(condo, id, deliveryId);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return webhook(condo, id, model);
        }
        return "redirect:/integrations/webhooks/" + id + "?replayed";
    }
}

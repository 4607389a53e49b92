package br.com.vetric.residents.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import br.com.vetric.shared.Tags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Resident pages. Everyone reads (a CLIENTE read-only); only an ADMIN creates, edits, deactivates and imports
 * (also enforced by URL in the security configuration).
 */
@Controller
class ResidentPageController {

    static final int PAGE_SIZE = 25;

    private final Residents residents;
    private final CurrentCondominium current;
    private final TransactionTemplate tx;

    ResidentPageController(Residents residents, CurrentCondominium current, TransactionTemplate tx) {
        this.residents = residents;
        this.current = current;
        this.tx = tx;
    }

    /** The form as typed: tags in one field, separated by commas, spaces or new lines. */
    public record Form(
            String name, String apartment, String tower, String phone, String tags, Boolean notificationsEnabled) {

        public Form {
            notificationsEnabled = notificationsEnabled == null || notificationsEnabled;
        }

        static Form empty() {
            return new Form("", "", "", "", "", true);
        }

        static Form of(Resident r) {
            return new Form(
                    r.name(),
                    r.apartment(),
                    r.tower() == null ? "" : r.tower(),
                    Phones.display(r.phone()),
                    String.join(", ", r.tags()),
                    r.notificationsEnabled());
        }

        List<String> tagList() {
            List<String> out = new ArrayList<>();
            for (String t : (tags == null ? "" : tags).split("[,;\\s]+")) {
                if (!t.isBlank()) {
                    out.add(t.strip());
                }
            }
            return out;
        }

        ResidentCommand command() {
            return new ResidentCommand(
                    name == null ? "" : name,
                    apartment == null ? "" : apartment,
                    tower,
                    phone,
                    tagList(),
                    notificationsEnabled);
        }
    }

    @GetMapping("/residents")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean inactive,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CondominiumId condo = current.require();
        int p = Math.max(0, page);
        long total = residents.count(condo, q, inactive);
        model.addAttribute("residents", residents.list(condo, q, inactive, p, PAGE_SIZE));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("inactive", inactive);
        model.addAttribute("page", p);
        model.addAttribute("total", total);
        model.addAttribute("totalPages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "residents/list";
    }

    @GetMapping("/residents/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newForm(Model model) {
        model.addAttribute("form", Form.empty());
        model.addAttribute("errors", Map.of());
        return "residents/form";
    }

    @PostMapping("/residents")
    @PreAuthorize("hasRole('ADMIN')")
    String create(Form form, Model model, RedirectAttributes flash) {
        return save(null, form, model, flash);
    }

    @GetMapping("/residents/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable long id, Model model) {
        Resident r = residents.get(current.require(), id);
        model.addAttribute("resident", r);
        model.addAttribute("form", Form.of(r));
        model.addAttribute("errors", Map.of());
        return "residents/form";
    }

    @PostMapping("/residents/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, Form form, Model model, RedirectAttributes flash) {
        model.addAttribute("resident", residents.get(current.require(), id));
        return save(id, form, model, flash);
    }

    @PostMapping("/residents/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String deactivate(@PathVariable long id, RedirectAttributes flash) {
        Resident r = residents.get(current.require(), id);
        residents.deactivate(current.require(), id);
        flash.addFlashAttribute("message", "residents.deactivated");
        flash.addFlashAttribute("messageArg", r.name());
        return "redirect:/residents";
    }

    private String save(Long id, Form form, Model model, RedirectAttributes flash) {
        CondominiumId condo = current.require();
        Map<String, String> errors = validate(condo, id, form);
        if (errors.isEmpty()) {
            try {
                Resident saved = id == null
                        ? residents.create(condo, form.command())
                        : residents.update(condo, id, form.command());
                flash.addFlashAttribute("message", id == null ? "residents.created" : "residents.updated");
                flash.addFlashAttribute("messageArg", saved.name());
                return "redirect:/residents";
            } catch (InvalidInputException e) {
                errors.put(e.field(), "residents.error." + e.field());
            } catch (ConflictException e) {
                errors.put("tags", "residents.error.tagTakenGeneric");
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "residents/form";
    }

    /** Field → message key (with the arguments after a '|'). */
    private Map<String, String> validate(CondominiumId condo, Long id, Form form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name() == null || form.name().isBlank()) {
            errors.put("name", "residents.error.required");
        } else if (form.name().strip().length() > ResidentCommand.MAX_NAME) {
            errors.put("name", "residents.error.tooLong");
        }
        if (form.apartment() == null || form.apartment().isBlank()) {
            errors.put("apartment", "residents.error.required");
        } else if (form.apartment().strip().length() > ResidentCommand.MAX_UNIT) {
            errors.put("apartment", "residents.error.tooLong");
        }
        if (form.tower() != null && form.tower().strip().length() > ResidentCommand.MAX_UNIT) {
            errors.put("tower", "residents.error.tooLong");
        }
        if (form.phone() != null && !form.phone().isBlank()) {
            try {
                Phones.toE164(form.phone());
            } catch (IllegalArgumentException e) {
                errors.put("phone", "residents.error.phone");
            }
        }
        for (String raw : form.tagList()) {
            String tag = Tags.normalize(raw).orElse("");
            if (tag.length() > ResidentCommand.MAX_TAG) {
                errors.put("tags", "residents.error.tagTooLong");
                break;
            }
            Optional<ResidentRef> holder = residents.findByTag(condo, tag);
            if (holder.isPresent() && (id == null || holder.get().id() != id)) {
                errors.put(
                        "tags",
                        "residents.error.tagTaken|" + tag + "|" + holder.get().name() + " ("
                                + holder.get().unit() + ")");
                break;
            }
        }
        return errors;
    }

    @GetMapping("/residents/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importForm() {
        return "residents/import";
    }

    @PostMapping("/residents/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importCsv(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean importValid,
            Model model)
            throws IOException {
        CondominiumId condo = current.require();
        if (file.isEmpty()) {
            model.addAttribute("fileError", "residents.import.error.noFile");
            return "residents/import";
        }
        String content = new String(file.getBytes(), StandardCharsets.UTF_8);
        ResidentCsvImport.Result result = ResidentCsvImport.parse(content, tag -> residents.findByTag(condo, tag));
        model.addAttribute("result", result);
        model.addAttribute("fileName", file.getOriginalFilename());
        if (!result.errors().isEmpty() && !importValid) {
            model.addAttribute("imported", 0);
            return "residents/import";
        }
        Integer imported = tx.execute(status -> {
            int n = 0;
            for (ResidentCsvImport.ParsedRow row : result.valid()) {
                residents.create(condo, row.command());
                n++;
            }
            return n;
        });
        model.addAttribute("imported", imported);
        return "residents/import";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}

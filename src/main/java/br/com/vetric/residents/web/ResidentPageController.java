package br.com.vetric.residents.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.residents.ImportResult;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Residents;
import br.com.vetric.residents.Unit;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import br.com.vetric.shared.Tags;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
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
 * Resident pages. Everyone reads, and reads the audit log; an ADMIN, and the condominium's CLIENTE while the operator
 * allows it, create, edit, deactivate and import (the {@link Residents} facade enforces it; the pages hide what the
 * user may not do and answer 403 with a pt-BR explanation). The ADMIN sets that permission on the list page.
 */
@Controller
class ResidentPageController {

    static final int PAGE_SIZE = 25;
    static final int AUDIT_PAGE_SIZE = 50;

    private final Residents residents;
    private final CurrentCondominium current;

    ResidentPageController(Residents residents, CurrentCondominium current) {
        this.residents = residents;
        this.current = current;
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
        model.addAttribute("mayChange", residents.mayChange(condo));
        model.addAttribute("managersMayChange", residents.managersMayChange(condo));
        return "residents/list";
    }

    /** The operator's setting: may this condominium's managers change its residents. */
    @PostMapping("/residents/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(@RequestParam(defaultValue = "false") boolean managersMayChange, RedirectAttributes flash) {
        residents.setManagersMayChange(current.require(), managersMayChange);
        flash.addFlashAttribute("message", managersMayChange ? "residents.settings.on" : "residents.settings.off");
        flash.addFlashAttribute("messageArg", "");
        return "redirect:/residents";
    }

    @GetMapping("/residents/new")
    String newForm(Model model) {
        residents.requireMayChange(current.require());
        model.addAttribute("form", Form.empty());
        model.addAttribute("errors", Map.of());
        return "residents/form";
    }

    @PostMapping("/residents")
    String create(Form form, Model model, RedirectAttributes flash) {
        return save(null, form, model, flash);
    }

    @GetMapping("/residents/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        CondominiumId condo = current.require();
        residents.requireMayChange(condo);
        Resident r = residents.get(condo, id);
        model.addAttribute("resident", r);
        model.addAttribute("form", Form.of(r));
        model.addAttribute("errors", Map.of());
        return "residents/form";
    }

    @PostMapping("/residents/{id}")
    String update(@PathVariable long id, Form form, Model model, RedirectAttributes flash) {
        CondominiumId condo = current.require();
        residents.requireMayChange(condo);
        model.addAttribute("resident", residents.get(condo, id));
        return save(id, form, model, flash);
    }

    @PostMapping("/residents/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes flash) {
        CondominiumId condo = current.require();
        residents.requireMayChange(condo);
        Resident r = residents.get(condo, id);
        residents.deactivate(condo, id);
        flash.addFlashAttribute("message", "residents.deactivated");
        flash.addFlashAttribute("messageArg", r.name());
        return "redirect:/residents";
    }

    private String save(Long id, Form form, Model model, RedirectAttributes flash) {
        CondominiumId condo = current.require();
        residents.requireMayChange(condo);
        Map<String, String> errors = validate(condo, id, form);
        if (errors.isEmpty()) {
            try {
                Resident saved = id == null
                        ? residents.create(condo, form.command())
                        : residents.update(condo, id, form.command());
                flash.addFlashAttribute("message", id == null ? "residents.created" : "residents.updated");
                flash.addFlashAttribute("messageArg", saved.name() + " (" + saved.unit() + ")");
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

    /** Field → message key (with the arguments after a '|'); the page puts the field's label before it. */
    private Map<String, String> validate(CondominiumId condo, Long id, Form form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name() == null || form.name().isBlank()) {
            errors.put("name", "residents.error.required");
        } else if (form.name().strip().length() > ResidentCommand.MAX_NAME) {
            errors.put("name", "residents.error.tooLong|" + ResidentCommand.MAX_NAME);
        }
        try {
            Unit.parse(form.apartment(), form.tower());
        } catch (Unit.Invalid e) {
            errors.put(
                    e.field(),
                    "residents.error.unit." + e.problem()
                            + (e.problem() == Unit.Problem.TOO_LONG ? "|" + ResidentCommand.MAX_UNIT : ""));
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
                errors.put("tags", "residents.error.tagTooLong|" + tag + "|" + ResidentCommand.MAX_TAG);
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
    String importForm() {
        residents.requireMayChange(current.require());
        return "residents/import";
    }

    @PostMapping("/residents/import")
    String importCsv(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean importValid,
            Model model)
            throws IOException {
        CondominiumId condo = current.require();
        residents.requireMayChange(condo);
        if (file.isEmpty()) {
            model.addAttribute("fileError", "residents.import.error.noFile");
            return "residents/import";
        }
        String fileName = fileName(file);
        CsvText.Decoded text;
        try {
            text = CsvText.decode(file.getBytes());
        } catch (CsvText.Unreadable e) {
            model.addAttribute("fileError", e.messageKey());
            model.addAttribute("fileName", fileName);
            return "residents/import";
        }
        ResidentCsvImport.Result result = ResidentCsvImport.parse(text.text(), tag -> residents.findByTag(condo, tag));
        model.addAttribute("result", result);
        model.addAttribute("fileName", fileName);
        model.addAttribute("encoding", text.encoding());
        if (!result.errors().isEmpty() && !importValid) {
            model.addAttribute("imported", new ImportResult(0, 0, 0));
            return "residents/import";
        }
        try {
            ImportResult imported = residents.importRows(
                    condo,
                    fileName,
                    result.valid().stream()
                            .map(ResidentCsvImport.ParsedRow::command)
                            .toList(),
                    result.badLines().size());
            model.addAttribute("imported", imported);
        } catch (ConflictException e) { // a tag taken meanwhile: the whole import was rolled back
            model.addAttribute("fileError", "residents.import.error.conflict");
            model.addAttribute("imported", new ImportResult(0, 0, 0));
        }
        return "residents/import";
    }

    /** The audit log: everyone who reads the residents reads it. */
    @GetMapping("/residents/audit")
    String audit(
            @RequestParam(required = false) Long resident, @RequestParam(defaultValue = "0") int page, Model model) {
        CondominiumId condo = current.require();
        model.addAttribute("result", residents.audit(condo, resident, Math.max(0, page), AUDIT_PAGE_SIZE));
        model.addAttribute("resident", resident == null ? null : residents.get(condo, resident));
        return "residents/audit";
    }

    /** "moradores.csv", never a path sent by the browser, at most 100 characters. */
    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            return "arquivo.csv";
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}

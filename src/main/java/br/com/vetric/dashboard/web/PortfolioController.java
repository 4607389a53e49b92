package br.com.vetric.dashboard.web;

import br.com.vetric.dashboard.internal.Portfolio;
import br.com.vetric.dashboard.internal.PortfolioService;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's portfolio (ADMIN; {@code /admin/**} is ADMIN-only in the security configuration too): every
 * condominium in one table, sorted by any column ({@code ?sort=faulted&desc=true}, links in the headers, no script
 * needed), and the header's live count of what needs attention (the fragment htmx asks for every 15 s).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PortfolioController {

    private final PortfolioService portfolio;

    PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @GetMapping("/admin/portfolio")
    String page(
            @RequestParam(defaultValue = "attention") String sort,
            @RequestParam(defaultValue = "true") boolean desc,
            Model model) {
        Portfolio.Sort by = Arrays.stream(Portfolio.Sort.values())
                .filter(s -> s.code().equals(sort.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(Portfolio.Sort.ATTENTION);
        Portfolio p = portfolio.portfolio();
        model.addAttribute("rows", by.sorted(p.rows(), desc));
        model.addAttribute("attention", p.attention());
        model.addAttribute("sort", by.code());
        model.addAttribute("sorts", Portfolio.Sort.values());
        model.addAttribute("desc", desc);
        return "dashboard/portfolio";
    }

    /** The header's count (a fragment). */
    @GetMapping("/admin/portfolio/attention")
    String attention(Model model) {
        model.addAttribute("attention", portfolio.portfolio().attention());
        return "dashboard/portfolio :: attention";
    }
}

package br.com.vetric.dashboard.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.sync.SyncMonitor;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** System (ADMIN): health details, CVE-PRO connectivity, recent sync cycles with duration and errors. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SystemPageController {

    private final SyncMonitor monitor;
    private final CurrentCondominium current;
    private final BoardStream stream;
    private final JdbcTemplate jdbc;

    SystemPageController(SyncMonitor monitor, CurrentCondominium current, BoardStream stream, DataSource dataSource) {
        this.monitor = monitor;
        this.current = current;
        this.stream = stream;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(3);
    }

    @GetMapping("/admin/system")
    String system(Model model) {
        boolean dbUp;
        try {
            dbUp = Integer.valueOf(1).equals(jdbc.queryForObject("select 1", Integer.class));
        } catch (RuntimeException e) {
            dbUp = false;
        }
        Runtime rt = Runtime.getRuntime();
        model.addAttribute("dbUp", dbUp);
        model.addAttribute("sync", monitor.status());
        model.addAttribute("cycles", monitor.recentCycles(current.require(), 30));
        model.addAttribute("boardConnections", stream.connections());
        model.addAttribute("memoryUsedMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        model.addAttribute("memoryMaxMb", rt.maxMemory() / (1024 * 1024));
        model.addAttribute("javaVersion", Runtime.version().toString());
        return "dashboard/system";
    }
}

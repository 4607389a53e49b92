package br.com.vetric.dashboard.web;

import br.com.vetric.dashboard.internal.Consumption;
import br.com.vetric.dashboard.internal.ConsumptionService;
import br.com.vetric.identity.CurrentCondominium;
import java.time.YearMonth;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Consumo": a month's kWh and R$ per apartment, per day, ranking, unidentified energy and the tariff in force. */
@Controller
class ConsumptionPageController {

    private final ConsumptionService consumption;
    private final CurrentCondominium current;

    ConsumptionPageController(ConsumptionService consumption, CurrentCondominium current) {
        this.consumption = consumption;
        this.current = current;
    }

    @GetMapping("/consumption")
    String page(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        YearMonth m = month == null ? consumption.currentMonth() : month;
        Consumption c = consumption.month(current.require(), m);
        model.addAttribute("c", c);
        model.addAttribute("month", m.toString());
        model.addAttribute("currentMonth", consumption.currentMonth());
        model.addAttribute("previous", m.minusMonths(1).toString());
        model.addAttribute("next", m.plusMonths(1).toString());
        model.addAttribute(
                "chartApartments",
                c.apartments().stream().map(Consumption.Apartment::apartment).toList());
        model.addAttribute(
                "chartApartmentKwh",
                c.apartments().stream().map(a -> a.energyWh() / 1000.0).toList());
        model.addAttribute(
                "chartDays",
                c.days().stream().map(d -> d.date().getDayOfMonth()).toList());
        model.addAttribute(
                "chartDayKwh", c.days().stream().map(d -> d.energyWh() / 1000.0).toList());
        return "dashboard/consumption";
    }
}

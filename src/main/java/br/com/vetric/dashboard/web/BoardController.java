package br.com.vetric.dashboard.web;

import br.com.vetric.dashboard.internal.BoardService;
import br.com.vetric.identity.CurrentCondominium;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** "Central de Monitoramento": the board, its live stream and the fragment htmx can ask for. */
@Controller
class BoardController {

    private final BoardService boards;
    private final BoardStream stream;
    private final CurrentCondominium current;

    BoardController(BoardService boards, BoardStream stream, CurrentCondominium current) {
        this.boards = boards;
        this.stream = stream;
        this.current = current;
    }

    @GetMapping("/")
    String board(Model model) {
        model.addAttribute("board", boards.build(current.require()));
        return "dashboard/board";
    }

    @GetMapping("/board/live")
    String live(Model model) {
        model.addAttribute("board", boards.build(current.require()));
        return "dashboard/board :: live";
    }

    /**
     * The live stream; over the per-user or total limit a bare 429 with {@code Retry-After} (an EventSource only
     * sees an error, and htmx's SSE extension retries with back-off).
     */
    @GetMapping(path = "/board/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(Locale locale) {
        return stream.open(
                        current.require(),
                        locale,
                        CurrentCondominium.currentUser().orElseThrow().id())
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, "30")
                        .build());
    }
}

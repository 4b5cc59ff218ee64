package dev.portico.system;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The console's answer to {@link NotFound}, {@link Forbidden}, {@link Conflict} and a concurrent
 * duplicate ({@link DuplicateKeyException}): the error page in the console layout, with the right
 * status. Validation errors never reach it: forms bind them to their fields.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(ConsoleErrorAdvice.class);

  @ExceptionHandler
  String notFound(NotFound ex, Model model, HttpServletResponse response) {
    return page(
        404, "Page not found", "There is nothing here, or you may not see it.", model, response);
  }

  @ExceptionHandler
  String forbidden(Forbidden ex, Model model, HttpServletResponse response) {
    return page(403, "Not allowed", String.valueOf(ex.getMessage()), model, response);
  }

  @ExceptionHandler
  String conflict(Conflict ex, Model model, HttpServletResponse response) {
    return page(409, "That cannot be done", String.valueOf(ex.getMessage()), model, response);
  }

  /**
   * Two people saving the same unique value (an email, a stack domain, a name) at the same moment:
   * the form's own check passed for both, the database kept the first. A clear page, not a 500; the
   * database's message (constraint and value) is neither shown nor logged.
   */
  @ExceptionHandler
  String duplicate(DuplicateKeyException ex, Model model, HttpServletResponse response) {
    return page(
        409,
        "Already taken",
        "Someone else saved the same email, domain or name at the same moment, so nothing was"
            + " changed. Go back, reload the page and try again.",
        model,
        response);
  }

  private static String page(
      int status, String title, String message, Model model, HttpServletResponse response) {
    log.warn("Console request refused: {} {}", status, message);
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("title", title);
    model.addAttribute("detail", message);
    return "error";
  }
}

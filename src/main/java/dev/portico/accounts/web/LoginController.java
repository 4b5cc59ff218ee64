package dev.portico.accounts.web;

import dev.portico.accounts.internal.SignInFailure;
import dev.portico.accounts.internal.SignInTarget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page and the console's home. The page needs no session: its CSRF token is a cookie,
 * the last failure comes from a short-lived cookie ({@link SignInFailure}), and the page to
 * continue to from a validated parameter ({@link SignInTarget}).
 */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(
      @RequestParam(name = SignInTarget.PARAMETER, required = false) @Nullable String target,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    SignInFailure.take(request, response)
        .filter(failure -> request.getParameter("error") != null)
        .ifPresent(
            failure -> {
              model.addAttribute("error", failure.message());
              model.addAttribute("email", failure.email());
            });
    if (request.getParameter("error") != null && !model.containsAttribute("error")) {
      model.addAttribute("error", new SignInFailure(0, "").message());
    }
    model.addAttribute("continueTo", SignInTarget.safe(target));
    return "login";
  }

  @GetMapping("/")
  String home() {
    return "redirect:/my/profile";
  }
}

package dev.portico.accounts.web;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the console's home. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(@Nullable HttpSession session, Model model) {
    if (session != null) {
      Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      if (failure instanceof AuthenticationException e) {
        model.addAttribute("error", e.getMessage());
        model.addAttribute("email", session.getAttribute("portico.login.email"));
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      }
    }
    return "login";
  }

  @GetMapping("/")
  String home() {
    return "redirect:/my/profile";
  }
}

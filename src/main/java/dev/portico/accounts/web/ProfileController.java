package dev.portico.accounts.web;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.internal.ConsoleSessions;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My account → Profile: name and password of the signed-in user. */
@Controller
@RequestMapping("/my/profile")
class ProfileController {

  private final UserManagement users;
  private final ConsoleSessions sessions;

  ProfileController(UserManagement users, ConsoleSessions sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  @GetMapping
  String showProfile(User me, Model model) {
    ProfileForm form = new ProfileForm();
    form.setName(me.name());
    model.addAttribute("profile", form);
    model.addAttribute("password", new PasswordForm());
    return "accounts/profile";
  }

  @PostMapping
  String processProfile(
      Actor actor,
      User me,
      @ModelAttribute("profile") ProfileForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    try {
      users.changeName(actor, me.id(), Forms.text(form.getName()));
    } catch (InvalidInput e) {
      Forms.reject(e, result);
      model.addAttribute("password", new PasswordForm());
      return "accounts/profile";
    }
    redirect.addFlashAttribute("flash", "Profile saved.");
    return "redirect:/my/profile";
  }

  @PostMapping("/password")
  String processPassword(
      Actor actor,
      User me,
      @ModelAttribute("password") PasswordForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      HttpServletRequest request) {
    try {
      users.changePassword(
          actor, me.id(), Forms.text(form.getCurrentPassword()), Forms.text(form.getNewPassword()));
    } catch (InvalidInput e) {
      Forms.reject(e, result);
      ProfileForm profile = new ProfileForm();
      profile.setName(me.name());
      model.addAttribute("profile", profile);
      return "accounts/profile";
    }
    // Whoever signed in with the old password is signed out everywhere; this session stays.
    sessions.endOtherSessions(me.id(), request);
    redirect.addFlashAttribute("flash", "Password changed. Your other sessions were signed out.");
    return "redirect:/my/profile";
  }

  /** The profile form. */
  static final class ProfileForm {
    private @Nullable String name;

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }
  }

  /** The change-password form; passwords are never echoed back. */
  static final class PasswordForm {
    private @Nullable String currentPassword;
    private @Nullable String newPassword;

    public @Nullable String getCurrentPassword() {
      return currentPassword;
    }

    public void setCurrentPassword(@Nullable String currentPassword) {
      this.currentPassword = currentPassword;
    }

    public @Nullable String getNewPassword() {
      return newPassword;
    }

    public void setNewPassword(@Nullable String newPassword) {
      this.newPassword = newPassword;
    }
  }
}

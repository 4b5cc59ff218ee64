package dev.portico.accounts.web;

import dev.portico.accounts.License;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Role;
import org.jspecify.annotations.Nullable;

/** The "Add user" form of Company settings → Users. */
public class UserForm {

  private @Nullable String email;
  private @Nullable String name;
  private @Nullable Role role = Role.MEMBER;
  private @Nullable License license = License.FULL;
  private @Nullable String password;

  NewUser toNewUser() {
    return new NewUser(
        Forms.text(email),
        Forms.text(name),
        role,
        license,
        password == null || password.isEmpty() ? null : password);
  }

  public @Nullable String getEmail() {
    return email;
  }

  public void setEmail(@Nullable String email) {
    this.email = email;
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name;
  }

  public @Nullable Role getRole() {
    return role;
  }

  public void setRole(@Nullable Role role) {
    this.role = role;
  }

  public @Nullable License getLicense() {
    return license;
  }

  public void setLicense(@Nullable License license) {
    this.license = license;
  }

  public @Nullable String getPassword() {
    return password;
  }

  public void setPassword(@Nullable String password) {
    this.password = password;
  }
}

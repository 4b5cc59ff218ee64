package dev.portico.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.ConsoleUser;
import dev.portico.accounts.License;
import dev.portico.accounts.NewAccount;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Plan;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserAddition;
import dev.portico.accounts.UserManagement;
import dev.portico.system.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test fixtures for tenants: companies with an admin, members, individuals and operators, each with
 * unique names so tests sharing a context never collide. Import with {@code @Autowired}.
 */
@Component
public class TestAccounts {

  public static final String PASSWORD = "correct-horse-battery";

  private final AccountManagement management;
  private final UserManagement users;

  public TestAccounts(AccountManagement management, UserManagement users) {
    this.management = management;
    this.users = users;
  }

  /** A company with one admin; {@code company.admin()} signs in with {@link #PASSWORD}. */
  public Company company(String name) {
    String tag = unique();
    Account account =
        management.createAccount(
            Actor.SYSTEM,
            new NewAccount(
                AccountType.COMPANY, name + " " + tag, Plan.PROFESSIONAL, null, null, null),
            new NewUser(
                "admin-" + tag + "@" + slug(name) + ".test",
                name + " Admin",
                Role.ADMIN,
                License.FULL,
                PASSWORD));
    User admin = users.members(account.id()).get(0);
    return new Company(account, admin, tag);
  }

  /** An enterprise with its own stack domain. */
  public Company enterprise(String name) {
    String tag = unique();
    Account account =
        management.createAccount(
            Actor.SYSTEM,
            new NewAccount(
                AccountType.ENTERPRISE,
                name + " " + tag,
                Plan.ENTERPRISE,
                slug(name) + "-" + tag + ".portico.test",
                null,
                null),
            new NewUser(
                "admin-" + tag + "@" + slug(name) + ".test",
                name + " Admin",
                Role.ADMIN,
                License.FULL,
                PASSWORD));
    return new Company(account, users.members(account.id()).get(0), tag);
  }

  public User member(Company company, Role role, License license) {
    String tag = unique();
    return created(
        users.addUser(
            Actor.SYSTEM,
            company.account().id(),
            new NewUser(
                role.name().toLowerCase() + "-" + tag + "@" + company.tag() + ".test",
                "Member " + tag,
                role,
                license,
                PASSWORD)));
  }

  /** The user an addition created; fails the test when it was an invitation instead. */
  public static User created(UserAddition addition) {
    if (addition instanceof UserAddition.Created created) {
      return created.user();
    }
    throw new AssertionError("expected a new user, got " + addition);
  }

  public User individual() {
    String tag = unique();
    return users.createIndividual(
        Actor.SYSTEM,
        new NewUser("solo-" + tag + "@example.test", "Solo " + tag, null, License.FULL, PASSWORD),
        Plan.FREE,
        false);
  }

  public User operator() {
    String tag = unique();
    return users.createIndividual(
        Actor.SYSTEM,
        new NewUser(
            "ops-" + tag + "@portico.test", "Operator " + tag, null, License.FULL, PASSWORD),
        Plan.FREE,
        true);
  }

  /** Signs a MockMvc request in as this user, exactly as the console's form login would. */
  public static RequestPostProcessor as(User user) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
    if (user.operator()) {
      authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    }
    return authentication(
        UsernamePasswordAuthenticationToken.authenticated(
            new ConsoleUser(user.id(), user.email()), null, authorities));
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static String slug(String name) {
    return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  /** A company account with its first admin; {@code tag} makes its names unique. */
  public record Company(Account account, User admin, String tag) {
    public UUID id() {
      return account.id();
    }
  }
}

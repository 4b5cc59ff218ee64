package dev.portico.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Keeps an embedded H2 file database readable by its owner only (POSIX systems): the database holds
 * password hashes and encrypted secrets, and H2 creates its files with the process umask (usually
 * world-readable). Before the data source is first used, the directory of an H2 file URL is created
 * with {@code rwx------} if missing, and its database files present are set to {@code rw-------};
 * once the application has started (H2 has created any missing file) the files are tightened again.
 *
 * <p>An existing directory is tightened to {@code rwx------} only when it is owned by this user, is
 * not writable by others (a shared directory such as {@code /tmp} is left alone), and is not the
 * home directory itself ({@code jdbc:h2:~/portico}). Other URLs (PostgreSQL, {@code mem:}, {@code
 * tcp:}) and non-POSIX file systems are left untouched.
 */
@Configuration(proxyBeanMethods = false)
class H2DataFiles {

  private static final Logger log = LoggerFactory.getLogger(H2DataFiles.class);

  static final Set<PosixFilePermission> OWNER_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

  @Bean
  static BeanPostProcessor h2DataFilesBeforeFirstConnection(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
          database(environment.getProperty("spring.datasource.url"))
              .ifPresent(H2DataFiles::restrict);
        }
        return bean;
      }
    };
  }

  @Bean
  static ApplicationListener<ApplicationStartedEvent> h2DataFilesAfterStart(
      Environment environment) {
    return event ->
        database(environment.getProperty("spring.datasource.url"))
            .ifPresent(H2DataFiles::restrictFiles);
  }

  /**
   * The database path of an H2 file URL ({@code jdbc:h2:file:./data/portico;MODE=…}, {@code
   * jdbc:h2:./data/portico}, {@code jdbc:h2:~/portico}), absolute; empty for any other URL.
   */
  static Optional<Path> database(@Nullable String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
      return Optional.empty();
    }
    String rest = url.substring(8);
    int semicolon = rest.indexOf(';');
    rest = semicolon < 0 ? rest : rest.substring(0, semicolon);
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:")) {
      rest = rest.substring(5);
    } else if (lower.matches("^[a-z]{2,}:.*")) {
      return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio…: not a plain local file
    }
    if (rest.isBlank()) {
      return Optional.empty();
    }
    if (rest.startsWith("~")) {
      rest = System.getProperty("user.home") + rest.substring(1);
    }
    return Optional.of(Path.of(rest).toAbsolutePath().normalize());
  }

  /** Creates or tightens the database's directory, then tightens its files. */
  static void restrict(Path database) {
    if (!posix()) {
      return;
    }
    Path directory = database.getParent();
    if (directory == null) {
      return;
    }
    try {
      if (Files.notExists(directory)) {
        createPrivateDirectories(directory);
      } else if (isOurOwnDirectory(directory)) {
        Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict the H2 data directory " + directory, e);
    }
    restrictFiles(database);
  }

  /** Sets {@code rw-------} on the files of this database ({@code portico.mv.db}, …). */
  static void restrictFiles(Path database) {
    Path directory = database.getParent();
    if (!posix() || directory == null || !Files.isDirectory(directory)) {
      return;
    }
    String prefix = String.valueOf(database.getFileName()) + ".";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
      for (Path file : files) {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          Files.setPosixFilePermissions(file, OWNER_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict the H2 database files in " + directory, e);
    }
  }

  private static void createPrivateDirectories(Path directory) throws IOException {
    Path parent = directory.getParent();
    if (parent != null && Files.notExists(parent)) {
      createPrivateDirectories(parent);
    }
    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
    // the umask may have taken bits away from the attribute, never added: set it exactly
    Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
    log.info("Created the H2 data directory {} (owner only)", directory);
  }

  private static boolean isOurOwnDirectory(Path directory) throws IOException {
    Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    if (directory.equals(home) || !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    String me = System.getProperty("user.name");
    boolean owned = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).getName().equals(me);
    return owned
        && !Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OTHERS_WRITE);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}

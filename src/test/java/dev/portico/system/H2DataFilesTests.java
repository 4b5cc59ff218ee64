package dev.portico.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portico.PorticoApplication;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded H2 database's directory and files are readable by their owner only, whether Portico
 * creates the directory or finds it (and files) world-readable from an older start.
 */
class H2DataFilesTests {

  private static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE";

  @BeforeEach
  void posixOnly() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void startOnAnExistingWorldReadableDirectoryLeavesItAndTheFilesOwnerOnly() throws IOException {
    Path directory = Path.of("target", "h2-files", UUID.randomUUID().toString()).toAbsolutePath();
    Files.createDirectories(directory);
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path oldTrace = Files.writeString(directory.resolve("portico.trace.db"), "old trace\n");
    Files.setPosixFilePermissions(oldTrace, PosixFilePermissions.fromString("rw-r--r--"));

    try (ConfigurableApplicationContext portico =
        new SpringApplicationBuilder(PorticoApplication.class)
            .run(
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("portico") + H2_OPTIONS,
                "--server.port=0")) {
      assertThat(permissions(directory)).isEqualTo("rwx------");
      assertThat(permissions(oldTrace)).isEqualTo("rw-------");
      assertThat(permissions(directory.resolve("portico.mv.db"))).isEqualTo("rw-------");
    }
  }

  @Test
  void missingDirectoryIsCreatedOwnerOnly() throws IOException {
    Path base = Path.of("target", "h2-files", UUID.randomUUID().toString()).toAbsolutePath();
    Path database = base.resolve("data").resolve("portico");
    H2DataFiles.restrict(database);
    assertThat(permissions(base.resolve("data"))).isEqualTo("rwx------");
    assertThat(permissions(base)).isEqualTo("rwx------");
  }

  @Test
  void sharedDirectoryIsLeftAloneButTheDatabaseFilesAreTightened() throws IOException {
    Path shared = Path.of("target", "h2-files", UUID.randomUUID().toString()).toAbsolutePath();
    Files.createDirectories(shared);
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path mine = Files.writeString(shared.resolve("portico.trace.db"), "x");
    Path other = Files.writeString(shared.resolve("unrelated.txt"), "x");
    Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));

    H2DataFiles.restrict(shared.resolve("portico"));

    assertThat(permissions(shared)).isEqualTo("rwxrwxrwx");
    assertThat(permissions(mine)).isEqualTo("rw-------");
    assertThat(permissions(other)).isEqualTo("rw-r--r--");
  }

  @Test
  void onlyLocalH2FileUrlsAreDatabasesOnDisk() {
    assertThat(H2DataFiles.database("jdbc:h2:file:./data/portico;MODE=PostgreSQL"))
        .hasValue(Path.of("data/portico").toAbsolutePath());
    assertThat(H2DataFiles.database("jdbc:h2:./data/portico"))
        .hasValue(Path.of("data/portico").toAbsolutePath());
    assertThat(H2DataFiles.database("jdbc:h2:~/portico"))
        .hasValue(Path.of(System.getProperty("user.home"), "portico"));
    assertThat(H2DataFiles.database("jdbc:h2:mem:test")).isEmpty();
    assertThat(H2DataFiles.database("jdbc:h2:tcp://db/portico")).isEmpty();
    assertThat(H2DataFiles.database("jdbc:postgresql://db/portico")).isEmpty();
    assertThat(H2DataFiles.database(null)).isEmpty();
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}

package dev.portico.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.portico.applications.Application;
import dev.portico.store.internal.ImagePolicyTests;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A store entry's images over REST through the real server (STO-1): Tomcat parses the multipart
 * request, and a part over the 2 MiB limit is the same field error as in {@link
 * StoreEntryImagesRestTests}, never a bare 413.
 */
@PorticoTest
class StoreEntryImagesOverHttpTests {

  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired StoreFixtures store;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  /** Real Tomcat parsing: a part over the multipart limit is the same field error, not a 413. */
  @Test
  void overTheRealServerAPartOver2MiBIsA422AtImagesAndAGoodOneIsStored() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = store.app(acme.admin(), acme.id());
    StoreEntry entry = store.entry(acme.admin(), app, "NONE", Set.of());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    byte[] tooBig = Arrays.copyOf(ImagePolicyTests.png(), 2 * 1024 * 1024 + 1);

    HttpResponse<String> refused = overHttp(entry, key, ImagePolicyTests.png(), tooBig);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].field")).isEqualTo("images");
    assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].message"))
        .contains("at most 2 MiB");
    assertThat(storedImages(entry)).isZero();

    HttpResponse<String> stored = overHttp(entry, key, ImagePolicyTests.png());
    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(stored.body(), "$.imageUrls"))
        .containsExactly(entry.imageUrl(1));
  }

  private HttpResponse<String> overHttp(StoreEntry entry, String key, byte[]... files)
      throws Exception {
    String boundary = "portico-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < files.length; i++) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"f"
                  + i
                  + ".png\"\r\nContent-Type: image/png\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(files[i]);
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/api/developer/applications/"
                        + entry.applicationId()
                        + "/store-entry/images"))
            .header("Authorization", key)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private long storedImages(StoreEntry entry) {
    return jdbc.sql("select count(*) from sto_image where entry_id = :id")
        .param("id", entry.id())
        .query(Long.class)
        .single();
  }
}

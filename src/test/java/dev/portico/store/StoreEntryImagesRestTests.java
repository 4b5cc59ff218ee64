package dev.portico.store;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.store.internal.ImagePolicyTests;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A store entry's images over REST (STO-1): {@code POST …/store-entry/images} appends {@code image}
 * parts, {@code DELETE} removes them all; the entry body lists them as {@code imageUrls}. Files are
 * judged by their bytes: HTML named {@code .png}, a fake PNG, a file over 2 MiB and a 9th image are
 * a 422 on {@code images} with nothing stored, and a polyglot is stored only as its re-encoded
 * pixels. Only the app's managers reach them: a member, a light user, another company's admin and a
 * forged id get 404.
 */
@PorticoTest
class StoreEntryImagesRestTests {

  private static final byte[] HTML =
      "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired StoreFixtures store;
  @Autowired JdbcClient jdbc;

  @Test
  void pngAndJpegPartsAreAppendedInOrderAndListedAsImageUrls() throws Exception {
    Company acme = fixtures.company("Acme");
    StoreEntry entry = entryOf(acme);
    String key = key(acme.admin());

    upload(entry, key, png("a.png"), jpeg("b.jpg"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(entry.id().toString()))
        .andExpect(jsonPath("$.name").value(entry.name()))
        .andExpect(
            jsonPath("$.imageUrls").value(Matchers.contains(entry.imageUrl(1), entry.imageUrl(2))));
    upload(entry, key, png("c.png"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imageUrls.length()").value(3));

    mvc.perform(get(entry.imageUrl(2)).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/jpeg"));
    mvc.perform(get(entry.imageUrl(3)).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/png"));
    assertThat(audited(entry))
        .hasSize(2)
        .anySatisfy(d -> assertThat(d).contains("added 2"))
        .anySatisfy(d -> assertThat(d).contains("added 1"));
  }

  @Test
  void removingTheImagesLeavesNoneAndTheOtherFieldsAsTheyWere() throws Exception {
    Company acme = fixtures.company("Acme");
    StoreEntry entry = entryOf(acme);
    String key = key(acme.admin());
    upload(entry, key, png("a.png"), png("b.png")).andExpect(status().isOk());

    mvc.perform(delete(images(entry)).header("Authorization", key))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imageUrls").isEmpty())
        .andExpect(jsonPath("$.vendor").value(entry.vendor()))
        .andExpect(jsonPath("$.category").value("CAM"));
    mvc.perform(get(entry.imageUrl(1)).with(as(acme.admin()))).andExpect(status().isNotFound());
    assertThat(audited(entry)).last().asString().contains("removed 2");
  }

  @Test
  void aPolyglotIsStoredOnlyAsItsReencodedPixels() throws Exception {
    Company acme = fixtures.company("Acme");
    StoreEntry entry = entryOf(acme);
    byte[] polyglot = concat(ImagePolicyTests.png(), HTML);

    upload(entry, key(acme.admin()), file("image", "polyglot.png", polyglot))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imageUrls.length()").value(1));

    byte[] served =
        mvc.perform(get(entry.imageUrl(1)).with(as(acme.admin())))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("<script");
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(served))).isNotNull();
  }

  @Test
  void htmlNamedPngAFakePngAndAFileOver2MiBAre422AtImagesAndNothingIsStored() throws Exception {
    Company acme = fixtures.company("Acme");
    StoreEntry entry = entryOf(acme);
    String key = key(acme.admin());
    byte[] fakePng = concat(Arrays.copyOf(ImagePolicyTests.png(), 8), HTML);
    byte[] tooBig = Arrays.copyOf(ImagePolicyTests.png(), 2 * 1024 * 1024 + 1);
    Map<String, MockMultipartFile> hostile =
        Map.of(
            "must be a PNG or JPEG image", file("image", "evil.png", HTML),
            "is not a readable PNG or JPEG image", file("image", "fake.png", fakePng),
            "must be at most 2 MiB", file("image", "big.png", tooBig));

    for (Map.Entry<String, MockMultipartFile> bad : hostile.entrySet()) {
      upload(entry, key, png("good.png"), bad.getValue())
          .andExpect(status().isUnprocessableContent())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors.length()").value(1))
          .andExpect(jsonPath("$.errors[0].field").value("images"))
          .andExpect(
              jsonPath("$.errors[0].message")
                  .value(
                      Matchers.allOf(
                          Matchers.containsString("image 2 " + bad.getKey()),
                          Matchers.not(Matchers.containsString("<")))));
    }
    assertThat(storedImages(entry)).isZero();
    assertThat(audited(entry)).isEmpty();
  }

  @Test
  void aNinthImageIsRefusedAndTheEightStay() throws Exception {
    Company acme = fixtures.company("Acme");
    StoreEntry entry = entryOf(acme);
    String key = key(acme.admin());
    MockMultipartFile[] nine = new MockMultipartFile[9];
    for (int i = 0; i < nine.length; i++) {
      nine[i] = png("p" + i + ".png");
    }

    upload(entry, key, nine)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("images"))
        .andExpect(jsonPath("$.errors[0].message").value("at most 8 images per entry"));
    assertThat(storedImages(entry)).isZero();
    upload(entry, key, Arrays.copyOf(nine, 8))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imageUrls.length()").value(8));
    upload(entry, key, png("ninth.png"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("images"))
        .andExpect(jsonPath("$.errors[0].message").value("at most 8 images per entry"));
    assertThat(storedImages(entry)).isEqualTo(8);
  }

  @Test
  void aRequestWithoutImagePartsIs422AndAJsonBodyIs415() throws Exception {
    Company acme = fixtures.company("Acme");
    StoreEntry entry = entryOf(acme);
    String key = key(acme.admin());

    upload(entry, key, file("images", "wrong-part-name.png", ImagePolicyTests.png()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("images"));
    mvc.perform(
            post(images(entry))
                .header("Authorization", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"image\": \"data:image/png;base64,AAAA\"}"))
        .andExpect(status().isUnsupportedMediaType());
    assertThat(storedImages(entry)).isZero();
  }

  @Test
  void aMemberALightUserAnotherCompanysAdminAndAForgedIdGet404() throws Exception {
    Company acme = fixtures.company("Acme");
    StoreEntry entry = entryOf(acme);
    upload(entry, key(acme.admin()), png("kept.png")).andExpect(status().isOk());
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User otherAdmin = fixtures.company("Globex").admin();

    for (User stranger : new User[] {member, light, otherAdmin}) {
      String key = key(stranger);
      upload(entry, key, png("x.png")).andExpect(status().isNotFound());
      mvc.perform(delete(images(entry)).header("Authorization", key))
          .andExpect(status().isNotFound());
    }
    String forged = "/api/developer/applications/" + UUID.randomUUID() + "/store-entry/images";
    String admin = key(acme.admin());
    mvc.perform(multipart(forged).file(png("x.png")).header("Authorization", admin))
        .andExpect(status().isNotFound());
    mvc.perform(delete(forged).header("Authorization", admin)).andExpect(status().isNotFound());
    Application bare = store.app(acme.admin(), acme.id());
    mvc.perform(
            multipart("/api/developer/applications/" + bare.id() + "/store-entry/images")
                .file(png("x.png"))
                .header("Authorization", admin))
        .andExpect(status().isNotFound());
    assertThat(storedImages(entry)).isOne();
  }

  // ------------------------------------------------------------------ helpers

  private StoreEntry entryOf(Company company) {
    Application app = store.app(company.admin(), company.id());
    return store.entry(company.admin(), app, "NONE", Set.of());
  }

  private String key(User user) {
    return TestApiKeys.basic(apiKeys.issue(user));
  }

  private static String images(StoreEntry entry) {
    return "/api/developer/applications/" + entry.applicationId() + "/store-entry/images";
  }

  private ResultActions upload(StoreEntry entry, String key, MockMultipartFile... files)
      throws Exception {
    var request = multipart(images(entry));
    for (MockMultipartFile f : files) {
      request.file(f);
    }
    return mvc.perform(request.header("Authorization", key));
  }

  private long storedImages(StoreEntry entry) {
    return jdbc.sql("select count(*) from sto_image where entry_id = :id")
        .param("id", entry.id())
        .query(Long.class)
        .single();
  }

  /** The {@code images} changes audited for the entry, oldest first. */
  private java.util.List<String> audited(StoreEntry entry) {
    return jdbc.sql(
            "select diff from aud_entry where action = 'store-entry.updated'"
                + " and account_id = :account and target = :target order by occurred_at")
        .param("account", entry.ownerAccountId())
        .param("target", "store entry " + entry.name())
        .query(String.class)
        .list();
  }

  private static MockMultipartFile png(String name) throws IOException {
    return file("image", name, ImagePolicyTests.png());
  }

  private static MockMultipartFile jpeg(String name) throws IOException {
    BufferedImage image = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
    image.setRGB(2, 3, 0x00ff00);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return new MockMultipartFile("image", name, "image/jpeg", out.toByteArray());
  }

  private static MockMultipartFile file(String part, String name, byte[] bytes) {
    return new MockMultipartFile(part, name, "image/png", bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

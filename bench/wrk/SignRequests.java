import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pre-signs N requests for wrk (KEY-5), one fresh nonce each, all with the current Date, so that
 * the load generator spends no CPU on HMAC. Run with: java SignRequests.java ACCESS SECRET PATH N OUT
 * Each output line: nonce TAB date TAB authorization.
 */
public class SignRequests {

  public static void main(String[] args) throws Exception {
    String access = args[0];
    String secret = args[1];
    String path = args[2];
    int count = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    String contentType = "application/json";
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    SecureRandom random = new SecureRandom();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      char[] nonce = new char[25];
      for (int i = 0; i < count; i++) {
        for (int j = 0; j < nonce.length; j++) {
          nonce[j] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        String n = new String(nonce);
        String text = ("GET\n" + n + "\n" + date + "\n" + contentType + "\n" + path + "\n" + "" + "\n").toLowerCase(Locale.ROOT);
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        w.write(n + "\t" + date + "\tOn " + access + ":HmacSHA256:" + signature + "\n");
      }
    }
  }
}

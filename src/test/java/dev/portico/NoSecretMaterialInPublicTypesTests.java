package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portico.apikeys.IssuedApiKey;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No public type another module can read exposes secret material (DESIGN "Who can act for whom"):
 * outside {@code internal} packages, no public field, method (return or parameter), constructor or
 * record component of a public type involves a {@code byte[]}, a {@link Key} such as {@code
 * SecretKeySpec}, including as a type argument ({@code Optional<SecretKeySpec>}). Verification
 * happens where the secret lives and returns a principal without it. The one public type that
 * carries a secret at all is {@link IssuedApiKey}, as a {@code String}: the secret shown once at
 * creation (KEY-2).
 */
class NoSecretMaterialInPublicTypesTests {

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.portico");

  private static final Set<String> KEY_TYPES =
      Set.of(
          "java.security.Key",
          "javax.crypto.SecretKey",
          "javax.crypto.spec.SecretKeySpec",
          "java.security.PrivateKey");

  @Test
  void noPublicTypeOutsideInternalPackagesExposesKeysOrByteArrays() {
    List<String> violations = new ArrayList<>();
    List<JavaClass> checked =
        MAIN.stream().filter(NoSecretMaterialInPublicTypesTests::readableByOtherModules).toList();
    checked.forEach(type -> violations.addAll(exposures(type)));

    assertThat(checked).hasSizeGreaterThan(50);
    assertThat(violations).isEmpty();
  }

  @Test
  void ruleFindsTheSecretMaterialOfTheInternalResolvedKey() {
    // the rule must be able to fail: the cache entry inside the API-keys module holds both
    JavaClass resolved = MAIN.get("dev.portico.apikeys.internal.ResolvedKey");

    assertThat(readableByOtherModules(resolved)).isFalse();
    assertThat(exposures(resolved))
        .anyMatch(v -> v.contains("SecretKeySpec"))
        .anyMatch(v -> v.contains("byte[]"));
  }

  @Test
  void onlyTheIssuedKeyHasASecretAmongTheApiKeysModulesPublicTypes() {
    List<String> secretAccessors =
        MAIN.stream()
            .filter(NoSecretMaterialInPublicTypesTests::readableByOtherModules)
            .filter(c -> c.getPackageName().equals("dev.portico.apikeys"))
            .flatMap(c -> c.getMethods().stream())
            .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(m -> m.getName().toLowerCase(Locale.ROOT).contains("secret"))
            .map(m -> m.getOwner().getSimpleName() + "." + m.getName())
            .toList();

    assertThat(secretAccessors).containsExactly("IssuedApiKey.secretKey");
  }

  static boolean readableByOtherModules(JavaClass type) {
    if (type.getPackageName().contains(".internal")) {
      return false;
    }
    for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
      if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  static List<String> exposures(JavaClass type) {
    List<String> found = new ArrayList<>();
    for (JavaField field : type.getFields()) {
      if (visible(field.getModifiers())) {
        check(type, "field " + field.getName(), Stream.of(field.getType()), found);
      }
    }
    for (JavaCodeUnit unit : type.getCodeUnits()) {
      if (visible(unit.getModifiers()) && !unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
        check(
            type,
            unit.getName() + "(…)",
            Stream.concat(Stream.of(unit.getReturnType()), unit.getParameterTypes().stream()),
            found);
      }
    }
    return found;
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void check(
      JavaClass owner, String member, Stream<JavaType> types, List<String> found) {
    types.forEach(
        type -> {
          Set<JavaClass> involved = type.getAllInvolvedRawTypes();
          // an array counts as its component type there: byte involved, other than as a plain
          // byte, is a byte[] somewhere (itself, or a type argument)
          boolean byteArray =
              !type.toErasure().isEquivalentTo(byte.class)
                  && involved.stream().anyMatch(t -> t.isEquivalentTo(byte.class));
          if (byteArray) {
            found.add(owner.getName() + " " + member + " exposes byte[]");
          }
          involved.stream()
              .filter(NoSecretMaterialInPublicTypesTests::isKey)
              .forEach(t -> found.add(owner.getName() + " " + member + " exposes " + t.getName()));
        });
  }

  private static boolean isKey(JavaClass type) {
    return KEY_TYPES.contains(type.getName()) || type.isAssignableTo(Key.class);
  }
}

package dev.portico.system;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys {@link SecretCipher} encrypts stored secrets with: API-key secrets (KEY-2) and External
 * OAuth client secrets (APP-6). The names keep the {@code portico.apikeys} prefix they were
 * introduced under, so existing installations keep their configuration.
 *
 * @param encryptionKeys AES-256 keys by key id, each Base64 of 32 bytes. Several keys allow
 *     rotation: a secret opens with the key its id names.
 * @param activeKey the id of the key new secrets are encrypted with
 * @param keyFile where a single-node installation keeps a generated key when none is configured
 */
@ConfigurationProperties("portico.apikeys")
public record EncryptionSettings(
    @DefaultValue Map<String, String> encryptionKeys,
    @Nullable String activeKey,
    @DefaultValue("./data/apikey-encryption.key") String keyFile) {}

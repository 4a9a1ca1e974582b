package io.dailycup.analytics.e2e.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The key pair with which kube-apiserver signs service-account tokens and checks them, written as
 * PEM files: PKCS#8 for the private key, X.509 SubjectPublicKeyInfo for the public one.
 */
record ServiceAccountKeys(Path privateKey, Path publicKey) {

  static ServiceAccountKeys generate(Path directory) throws IOException {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK cannot make an RSA key", e);
    }
    Path privateKey = directory.resolve("service-account.key");
    Path publicKey = directory.resolve("service-account.pub");
    Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    return new ServiceAccountKeys(privateKey, publicKey);
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}

package dev.synwarm.gateway;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import dev.synwarm.wire.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The edge's TLS key and self-signed certificate, generated at start with the JDK's {@code keytool}
 * into a private temp directory that {@link Resources} deletes. Clients trust exactly this certificate
 * (its PEM file), never a CA.
 *
 * @param keystore PKCS12 with the key under alias {@code edge}
 * @param certificatePem the certificate alone, for clients
 */
public record TlsIdentity(Path keystore, char[] password, Path certificatePem) {
    private static final String ALIAS = "edge";

    /** Generates a fresh EC P-256 key and certificate valid for two days. */
    public static TlsIdentity generate(Resources res) {
        Path dir;
        try {
            dir = Files.createTempDirectory(res.runId().name("tls") + "-");
        } catch (IOException e) {
            throw new SystemException("cannot create a temp directory for the TLS key: " + e.getMessage(), e);
        }
        res.add("tls key " + dir, () -> deleteTree(dir));
        byte[] raw = new byte[18];
        new SecureRandom().nextBytes(raw);
        String pass = HexFormat.of().formatHex(raw);
        Path ks = dir.resolve("edge.p12");
        Path pem = dir.resolve("edge.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Proc.run(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=synwarm-edge", "-ext", "SAN=dns:localhost,dns:fn-static,dns:fn-jvm,dns:fn-python,ip:127.0.0.1",
                "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", pass, "-keypass", pass),
                Duration.ofSeconds(60)).orThrow();
        Proc.run(List.of(keytool, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass", pass, "-file", pem.toString()), Duration.ofSeconds(60)).orThrow();
        return new TlsIdentity(ks, pass.toCharArray(), pem);
    }

    /** A server context holding this key; TLS 1.2 and 1.3 are both enabled by the listener. */
    public SSLContext serverContext() {
        try {
            return TlsContexts.server(keystore, password);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new SystemException("cannot load the edge key " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the certificate (hex), for logs and for clients that pin it. */
    public String fingerprint() {
        try (InputStream in = Files.newInputStream(certificatePem)) {
            Certificate c = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new SystemException("cannot read " + certificatePem + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package cn.etdz.localstack;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Signs RS256 bearer tokens for the local run and the tests, with a key pair it generates on first use. In
 * production an OpenID Connect provider issues tokens instead; the services only ever see the public key.
 */
public final class TokenIssuer {

    public static final String ISSUER = "https://etdz-platform.local/issuer";

    private final KeyPair keyPair;
    private final Path publicKeyFile;

    private TokenIssuer(KeyPair keyPair, Path publicKeyFile) {
        this.keyPair = keyPair;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads {@code private.pem}/{@code public.pem} from {@code directory}, generating them on first start. */
    public static TokenIssuer loadOrCreate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateFile = directory.resolve("private.pem");
            Path publicFile = directory.resolve("public.pem");
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile)));
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile)));
                return new TokenIssuer(new KeyPair(publicKey, privateKey), publicFile);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keyPair = generator.generateKeyPair();
            writePem(privateFile, "PRIVATE KEY", keyPair.getPrivate().getEncoded());
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            writePem(publicFile, "PUBLIC KEY", keyPair.getPublic().getEncoded());
            return new TokenIssuer(keyPair, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not load or create the token signing key", e);
        }
    }

    /** The PEM file services verify tokens with ({@code mp.jwt.verify.publickey.location}). */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /**
     * Issues a token.
     *
     * @param subject  the caller's name ({@code sub} and {@code upn})
     * @param role     one of submitter, analyst, admin ({@code groups})
     * @param province GB/T 2260 code for a submitter, null otherwise
     * @param minutes  lifetime
     */
    public String issue(String subject, String role, String province, long minutes) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(role));
        if (province != null) {
            claims.setClaim("province", province);
        }
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(minutes);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keyPair.getPrivate());
        jws.setKeyIdHeaderValue("local");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    public String admin() {
        return issue("demo-admin", "admin", null, 24 * 60);
    }

    public String analyst() {
        return issue("demo-analyst", "analyst", null, 24 * 60);
    }

    public String submitter(String province) {
        return issue("demo-submitter-" + province, "submitter", province, 24 * 60);
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}

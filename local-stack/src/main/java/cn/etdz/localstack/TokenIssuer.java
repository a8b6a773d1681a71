package cn.etdz.localstack;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Signs RS256 bearer tokens for the local run and the tests, with a key pair it generates on first use. In
 * production an OpenID Connect provider issues tokens instead; the services only ever see the public key. Every
 * token carries the platform's audience and an {@code iat}, as the services require.
 */
public final class TokenIssuer {

    public static final String ISSUER = "https://etdz-platform.local/issuer";
    /** The {@code aud} the services expect by default ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "etdz-platform";
    /** Lifetime of the tests' role tokens: within the services' default maximum of one hour. */
    public static final Duration TEST_LIFETIME = Duration.ofMinutes(30);
    /** Lifetime of the local run's demo tokens: a day of trying the platform; the local run allows it. */
    public static final Duration DEMO_LIFETIME = Duration.ofHours(24);

    private final KeyPair keyPair;
    private final Path publicKeyFile;
    private final Duration roleTokenLifetime;

    private TokenIssuer(KeyPair keyPair, Path publicKeyFile, Duration roleTokenLifetime) {
        this.keyPair = keyPair;
        this.publicKeyFile = publicKeyFile;
        this.roleTokenLifetime = roleTokenLifetime;
    }

    /**
     * Loads {@code private.pem}/{@code public.pem} from {@code directory}, generating them on first start.
     *
     * @param roleTokenLifetime lifetime of the tokens {@link #admin()}, {@link #analyst()}, {@link #submitter} and
     *                          {@link #reviewer} issue
     */
    public static TokenIssuer loadOrCreate(Path directory, Duration roleTokenLifetime) {
        try {
            Files.createDirectories(directory);
            Path privateFile = directory.resolve("private.pem");
            Path publicFile = directory.resolve("public.pem");
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile)));
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile)));
                return new TokenIssuer(new KeyPair(publicKey, privateKey), publicFile, roleTokenLifetime);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keyPair = generator.generateKeyPair();
            writePem(privateFile, "PRIVATE KEY", keyPair.getPrivate().getEncoded());
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            writePem(publicFile, "PUBLIC KEY", keyPair.getPublic().getEncoded());
            return new TokenIssuer(keyPair, publicFile, roleTokenLifetime);
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
     * @param role     one of submitter, reviewer, analyst, admin ({@code groups})
     * @param province GB/T 2260 code for a submitter or reviewer, null otherwise
     * @param minutes  lifetime
     */
    public String issue(String subject, String role, String province, long minutes) {
        return sign(claims(subject, role, province, Duration.ofMinutes(minutes)));
    }

    /**
     * The claims of a token as {@link #issue} signs them, for tests that change one of them (another audience, no
     * {@code iat}, no {@code groups}, a longer lifetime) before {@link #sign}ing.
     */
    public JwtClaims claims(String subject, String role, String province, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(role));
        if (province != null) {
            claims.setClaim("province", province);
        }
        // exp from the very iat, so exp - iat is exactly the lifetime the services bound
        NumericDate issuedAt = NumericDate.now();
        claims.setIssuedAt(issuedAt);
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.getValue() + lifetime.toSeconds()));
        claims.setGeneratedJwtId();
        return claims;
    }

    /** Signs {@code claims} with the issuer's key (RS256). */
    public String sign(JwtClaims claims) {
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
        return sign(claims("demo-admin", "admin", null, roleTokenLifetime));
    }

    public String analyst() {
        return sign(claims("demo-analyst", "analyst", null, roleTokenLifetime));
    }

    public String submitter(String province) {
        return sign(claims("demo-submitter-" + province, "submitter", province, roleTokenLifetime));
    }

    /** The province's reviewer (its commerce department), scoped by the same {@code province} claim. */
    public String reviewer(String province) {
        return sign(claims("demo-reviewer-" + province, "reviewer", province, roleTokenLifetime));
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}

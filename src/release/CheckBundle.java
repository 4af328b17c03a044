import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code make release-check}: assembles the Maven Central bundle of a release build (the layout the Central Portal
 * takes: {@code group/artifact/version/} with the flattened pom, every jar and their checksums) and checks it as the
 * Portal's validation would, except signatures (signing is skipped without credentials). Run with the JDK's source
 * launcher on a project built with {@code -Prelease verify}: {@code java src/release/CheckBundle.java <project-dir>};
 * the bundle is written to {@code target/release-check/central-bundle.zip}. Prints each check; exits 1 when one
 * fails.
 */
public final class CheckBundle {
  private static final List<String> PROBLEMS = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Path bundle = assemble(Path.of(args[0]));
    System.out.println("bundle: " + bundle);
    Map<String, byte[]> files = unzip(Files.readAllBytes(bundle));
    String pomName = files.keySet().stream().filter(n -> n.endsWith(".pom") && !n.contains("-mock-")).findFirst()
        .orElse(null);
    check(pomName != null, "the bundle has a pom");
    if (pomName == null) {
      finish();
    }
    String base = pomName.substring(0, pomName.length() - ".pom".length());
    String pom = new String(files.get(pomName), java.nio.charset.StandardCharsets.UTF_8);
    for (String element : List.of("<name>", "<description>", "<url>https://", "<licenses>", "<developers>",
        "<scm>", "<connection>scm:git:", "<groupId>io.zenapi</groupId>")) {
      check(pom.contains(element), "the pom has " + element);
    }
    check(!pom.contains("${"), "the pom has no unresolved ${...} property");
    for (String classifier : List.of("", "-sources", "-javadoc", "-tests", "-test-sources")) {
      String jar = base + classifier + ".jar";
      check(files.containsKey(jar), jar + " is in the bundle");
    }
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String name = e.getKey();
      if (name.endsWith(".jar") || name.endsWith(".pom")) {
        for (String algorithm : List.of("MD5", "SHA-1", "SHA-256", "SHA-512")) {
          String suffix = "." + algorithm.toLowerCase().replace("-", "");
          byte[] sum = files.get(name + suffix);
          check(sum != null && new String(sum, java.nio.charset.StandardCharsets.US_ASCII).trim()
              .startsWith(hex(algorithm, e.getValue())), name + suffix + " matches");
        }
      }
    }
    Map<String, byte[]> main = unzip(files.getOrDefault(base + ".jar", new byte[0]));
    check(main.containsKey("io/zenapi/zendesk/ZendeskClient.class"), "the jar has the hand-written client");
    check(main.containsKey("io/zenapi/zendesk/generated/api/TicketsApi.class"), "the jar has the generated API");
    check(main.containsKey("META-INF/LICENSE") || main.containsKey("LICENSE"), "the jar carries the LICENSE");
    check(manifest(files.get(base + ".jar")).contains("Automatic-Module-Name: io.zenapi.zendesk"),
        "the jar names its module io.zenapi.zendesk");
    Map<String, byte[]> sources = unzip(files.getOrDefault(base + "-sources.jar", new byte[0]));
    check(sources.containsKey("io/zenapi/zendesk/ZendeskClient.java"), "the sources jar has the hand-written sources");
    check(sources.containsKey("io/zenapi/zendesk/generated/api/TicketsApi.java"),
        "the sources jar has the generated sources");
    Map<String, byte[]> javadoc = unzip(files.getOrDefault(base + "-javadoc.jar", new byte[0]));
    check(javadoc.containsKey("index.html"), "the javadoc jar has index.html");
    byte[] ticketsApi = javadoc.entrySet().stream() // under a module directory when javadoc sees one
        .filter(e -> e.getKey().endsWith("io/zenapi/zendesk/generated/api/TicketsApi.html"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    check(ticketsApi != null, "the javadoc jar documents the generated TicketsApi");
    if (ticketsApi != null) {
      String html = new String(ticketsApi, java.nio.charset.StandardCharsets.UTF_8);
      check(!html.contains("](/api-reference"), "the generated javadoc has no relative Markdown link");
      check(html.contains("https://developer.zendesk.com/api-reference/"),
          "the generated javadoc links to developer.zendesk.com");
    }
    Map<String, byte[]> mock = unzip(files.getOrDefault(base + "-tests.jar", new byte[0]));
    check(mock.containsKey("io/zenapi/zendesk/mock/MockZendesk.class"), "the mock jar has MockZendesk");
    check(mock.keySet().stream().noneMatch(n -> n.endsWith("Test.class")), "the mock jar has no test classes");
    String mockName = base.replace("zendesk-client-", "zendesk-client-mock-") + ".pom";
    byte[] mockPom = files.get(mockName);
    check(mockPom != null, mockName + " is in the bundle");
    if (mockPom != null) {
      String text = new String(mockPom, java.nio.charset.StandardCharsets.UTF_8);
      for (String element : List.of("<name>", "<description>", "<url>https://", "<licenses>", "<developers>",
          "<scm>", "<packaging>pom</packaging>", "<type>test-jar</type>", "<artifactId>wiremock-standalone<")) {
        check(text.contains(element), "the mock's pom has " + element);
      }
      check(!text.contains("${") && !text.contains("SNAPSHOT"), "the mock's pom names released versions only");
      check(files.containsKey(mockName + ".sha1"), mockName + " has its checksums");
    }
    check(files.keySet().stream().noneMatch(n -> n.endsWith(".asc")),
        "no signature (signing is skipped in the check; a release signs every file)");
    finish();
  }

  /** Writes the bundle of the release build in {@code project} and returns its path. */
  private static Path assemble(Path project) throws Exception {
    Path target = project.resolve("target");
    Path pom = target.resolve(".flattened-pom.xml");
    if (!Files.exists(pom)) {
      throw new IllegalStateException(pom + " is missing: build with -Prelease first");
    }
    String text = Files.readString(pom);
    String artifact = element(text, "artifactId");
    String version = element(text, "version");
    String dir = element(text, "groupId").replace('.', '/') + "/" + artifact + "/" + version + "/";
    Path out = target.resolve("release-check/central-bundle.zip");
    Files.createDirectories(out.getParent());
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
      add(zip, dir + artifact + "-" + version + ".pom", Files.readAllBytes(pom));
      Path mockPom = project.resolve("src/mock/pom.xml");
      if (Files.exists(mockPom)) { // the mock's dependencies, as a pom of their own
        String mockDir = dir.replace("/" + artifact + "/", "/" + artifact + "-mock/");
        add(zip, mockDir + artifact + "-mock-" + version + ".pom", Files.readAllBytes(mockPom));
      }
      try (var jars = Files.list(target)) {
        for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith(artifact + "-" + version)
            && p.toString().endsWith(".jar")).sorted().toList()) {
          add(zip, dir + jar.getFileName(), Files.readAllBytes(jar));
        }
      }
    }
    return out;
  }

  /** A file and its four checksums, as Central takes them. */
  private static void add(java.util.zip.ZipOutputStream zip, String name, byte[] bytes) throws Exception {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    for (String algorithm : List.of("MD5", "SHA-1", "SHA-256", "SHA-512")) {
      zip.putNextEntry(new ZipEntry(name + "." + algorithm.toLowerCase().replace("-", "")));
      zip.write(hex(algorithm, bytes).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
  }

  /** The first {@code <name>} element directly under {@code <project>} (before any nested one of that name). */
  private static String element(String pom, String name) {
    String body = pom.replaceAll("(?s)<parent>.*?</parent>|<dependencies>.*|<build>.*|<licenses>.*", "");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("the pom has no " + name);
    }
    return m.group(1).trim();
  }

  private static void check(boolean ok, String what) {
    System.out.println((ok ? "ok    " : "FAIL  ") + what);
    if (!ok) {
      PROBLEMS.add(what);
    }
  }

  private static void finish() {
    if (!PROBLEMS.isEmpty()) {
      System.out.println(PROBLEMS.size() + " check(s) failed");
      System.exit(1);
    }
    System.out.println("the bundle is ready for Maven Central, but for the signatures");
    System.exit(0);
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        String name = e.getName();
        out.put(name.contains("/") && name.matches(".*/[^/]+\\.(jar|pom|md5|sha1|sha256|sha512|asc)$")
            ? name.substring(name.lastIndexOf('/') + 1) : name, in.readAllBytes());
      }
    }
    return out;
  }

  private static String manifest(byte[] jar) throws IOException {
    if (jar == null) {
      return "";
    }
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
      if (in.getManifest() == null) {
        return "";
      }
      StringBuilder out = new StringBuilder();
      in.getManifest().getMainAttributes().forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
      return out.toString();
    }
  }

  private static String hex(String algorithm, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
  }
}

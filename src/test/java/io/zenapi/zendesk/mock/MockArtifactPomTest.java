package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The mock's pom (src/mock/pom.xml) stays in step with the main pom: its version, its dependencies', its address. */
class MockArtifactPomTest {
  private static Document read(String path) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of(path).toFile());
  }

  /** A child element's text, directly under {@code parent}. */
  private static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  @Test
  void versionsAndAddressMatchTheMainPom() throws Exception {
    Element main = read("pom.xml").getDocumentElement();
    Element mock = read("src/mock/pom.xml").getDocumentElement();
    Element properties = (Element) main.getElementsByTagName("properties").item(0);

    assertEquals(child(main, "version"), child(mock, "version"));
    assertEquals(child(main, "groupId"), child(mock, "groupId"));
    assertEquals(child(properties, "zenapi.home"), child(mock, "url"));

    Map<String, String> versions = new LinkedHashMap<>();
    NodeList deps = ((Element) mock.getElementsByTagName("dependencies").item(0)).getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      String type = child(d, "type");
      versions.put(child(d, "artifactId") + (type == null ? "" : ":" + type), child(d, "version"));
    }
    assertEquals(Map.of(
        "zendesk-client", child(main, "version"),
        "zendesk-client:test-jar", child(main, "version"),
        "wiremock-standalone", child(properties, "wiremock.version"),
        "junit-jupiter", child(properties, "junit.version")), versions);
  }
}

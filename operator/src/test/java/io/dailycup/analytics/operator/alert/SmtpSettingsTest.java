package io.dailycup.analytics.operator.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpSettingsTest {

  private static final String PASSWORD = "Sup3r-Secret";

  @Test
  void readsEveryKeyOfTheSecret() {
    SmtpSettings smtp = SmtpSettings.fromSecret(secret());

    assertThat(smtp)
        .isEqualTo(
            new SmtpSettings(
                "smtp.example.com",
                465,
                "alerts",
                PASSWORD,
                SmtpSettings.Security.SSL,
                "alerts@dailycup.io",
                "DailyCup Analytics"));
  }

  @Test
  void defaultsToStartTlsAndNoLoginWhenThoseKeysAreAbsent() {
    Map<String, String> data = secret();
    data.remove("security");
    data.remove("username");
    data.remove("password");
    data.remove("fromName");

    SmtpSettings smtp = SmtpSettings.fromSecret(data);

    assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
    assertThat(smtp.authenticates()).isFalse();
    assertThat(smtp.password()).isEmpty();
    assertThat(smtp.fromName()).isNull();
  }

  @Test
  void treatsAnEmptyUsernameAsAnUnauthenticatedRelay() {
    Map<String, String> data = secret();
    data.put("username", "");
    data.put("password", "");

    assertThat(SmtpSettings.fromSecret(data).authenticates()).isFalse();
  }

  @Test
  void dropsTheLineBreakThatEchoLeavesAtTheEndOfValues() {
    Map<String, String> data = secret();
    data.put("host", "smtp.example.com\n");
    data.put("port", "465\n");
    data.put("password", PASSWORD + "\n");

    SmtpSettings smtp = SmtpSettings.fromSecret(data);

    assertThat(smtp.host()).isEqualTo("smtp.example.com");
    assertThat(smtp.port()).isEqualTo(465);
    assertThat(smtp.password()).isEqualTo(PASSWORD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"host", "port", "from"})
  void namesARequiredKeyThatIsMissing(String key) {
    Map<String, String> data = secret();
    data.remove(key);

    assertThatThrownBy(() -> SmtpSettings.fromSecret(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SMTP Secret: key " + key + " is missing or empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"smtp", "0", "65536", "-25"})
  void rejectsAPortThatIsNotAPortNumber(String port) {
    Map<String, String> data = secret();
    data.put("port", port);

    assertThatThrownBy(() -> SmtpSettings.fromSecret(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SMTP Secret: key port must be a number from 1 to 65535");
  }

  @Test
  void rejectsAnUnknownSecurityWithoutRepeatingIt() {
    Map<String, String> data = secret();
    data.put("security", "tls-please");

    assertThatThrownBy(() -> SmtpSettings.fromSecret(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SMTP Secret: key security must be starttls, ssl or none");
  }

  @Test
  void acceptsSecurityInAnyCase() {
    Map<String, String> data = secret();
    data.put("security", "StartTLS");

    assertThat(SmtpSettings.fromSecret(data).security()).isEqualTo(SmtpSettings.Security.STARTTLS);
  }

  @Test
  void rejectsAFromThatIsNotAnAddress() {
    Map<String, String> data = secret();
    data.put("from", "alerts at dailycup");

    assertThatThrownBy(() -> SmtpSettings.fromSecret(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SMTP Secret: key from is not an email address");
  }

  @Test
  void leavesThePasswordOutOfToString() {
    String text = SmtpSettings.fromSecret(secret()).toString();

    assertThat(text).doesNotContain(PASSWORD).contains("password=(set)").contains("host=smtp");
  }

  private static Map<String, String> secret() {
    Map<String, String> data = new HashMap<>();
    data.put("host", "smtp.example.com");
    data.put("port", "465");
    data.put("username", "alerts");
    data.put("password", PASSWORD);
    data.put("security", "ssl");
    data.put("from", "alerts@dailycup.io");
    data.put("fromName", "DailyCup Analytics");
    return data;
  }
}

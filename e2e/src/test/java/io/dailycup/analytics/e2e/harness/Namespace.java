package io.dailycup.analytics.e2e.harness;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A scenario's own namespace, with the Secrets a user creates beside an AnalyticsRefresh and
 * shortcuts to read what the operator made.
 */
public final class Namespace implements AutoCloseable {

  private final E2eEnvironment environment;
  private final String name;

  private Namespace(E2eEnvironment environment, String name) {
    this.environment = environment;
    this.name = name;
  }

  public static Namespace create(E2eEnvironment environment, String name) {
    environment
        .admin()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return new Namespace(environment, name);
  }

  public String name() {
    return name;
  }

  /**
   * A database of this namespace's own holding {@code messages} source rows, and the Secret {@code
   * db} that logs in to it; returns the database's name.
   */
  public String createDatabase(int messages) throws SQLException {
    String database = environment.database().createDatabase(name, messages);
    databaseSecret("db", database, environment.database().password());
    return database;
  }

  /** The database Secret, as in deploy/examples: url, username and password. */
  public void databaseSecret(String secretName, String database, String password) {
    secret(
        secretName,
        Map.of(
            "url",
            environment.database().jdbcUrl(database),
            "username",
            E2eDatabase.USER,
            "password",
            password));
  }

  public void secret(String secretName, Map<String, String> values) {
    environment
        .admin()
        .secrets()
        .inNamespace(name)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(secretName)
                .endMetadata()
                .withStringData(values)
                .build())
        .createOr(existing -> existing.update());
  }

  /** {@code kubectl apply -f -} of a YAML document, which must succeed. */
  public String apply(String yaml) throws IOException, InterruptedException {
    Kubectl.Result result =
        environment.kubectl().runWithInput(yaml, "apply", "-n", name, "-f", "-");
    if (result.exitCode() != 0) {
      throw new AssertionError("kubectl apply failed:\n" + result.output());
    }
    return result.output();
  }

  /** {@code kubectl} with {@code -n <this namespace>} added. */
  public Kubectl.Result kubectl(String... arguments) throws IOException, InterruptedException {
    String[] withNamespace = new String[arguments.length + 2];
    System.arraycopy(arguments, 0, withNamespace, 0, arguments.length);
    withNamespace[arguments.length] = "-n";
    withNamespace[arguments.length + 1] = name;
    return environment.kubectl().run(withNamespace);
  }

  /** {@code kubectl annotate --overwrite} of an AnalyticsRefresh, which must succeed. */
  public void annotate(String refreshName, String annotation)
      throws IOException, InterruptedException {
    Kubectl.Result result =
        kubectl("annotate", "--overwrite", "analyticsrefresh", refreshName, annotation);
    if (result.exitCode() != 0) {
      throw new AssertionError("kubectl annotate failed:\n" + result.output());
    }
  }

  public AnalyticsRefresh refresh(String refreshName) {
    return client().resources(AnalyticsRefresh.class).inNamespace(name).withName(refreshName).get();
  }

  public List<Job> jobs() {
    return client().batch().v1().jobs().inNamespace(name).list().getItems();
  }

  /** Deletes the namespace and with it everything the scenario made there. */
  @Override
  public void close() {
    client().namespaces().withName(name).delete();
  }

  private KubernetesClient client() {
    return environment.admin();
  }
}

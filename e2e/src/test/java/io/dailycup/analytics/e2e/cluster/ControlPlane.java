package io.dailycup.analytics.e2e.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A Kubernetes control plane on loopback ports: etcd, kube-apiserver with RBAC and service-account
 * token signing, and kube-controller-manager running the controllers the operator relies on. There
 * is no scheduler and no kubelet; the node agent binds and runs pods.
 *
 * <p>Clients authenticate with static bearer tokens (the apiserver's token file) and skip TLS
 * verification of the apiserver's self-signed certificate: both are test conveniences, not how a
 * cluster is secured.
 */
public final class ControlPlane implements AutoCloseable {

  /** The controllers a refresh needs: CronJobs make Jobs, Jobs make Pods, owners collect. */
  static final List<String> CONTROLLERS =
      List.of(
          "cronjob-controller",
          "job-controller",
          "garbage-collector-controller",
          "serviceaccount-controller",
          "serviceaccount-token-controller",
          "namespace-controller");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path directory;
  private final String apiServerUrl;
  private final String adminToken;
  private final List<LocalProcess> processes;

  private ControlPlane(
      Path directory, String apiServerUrl, String adminToken, List<LocalProcess> processes) {
    this.directory = directory;
    this.apiServerUrl = apiServerUrl;
    this.adminToken = adminToken;
    this.processes = processes;
  }

  /** Starts the three programs in order, each after the one before answers. */
  public static ControlPlane start(ControlPlaneBinaries binaries, Path directory)
      throws IOException {
    // A cluster of an earlier run would still hold that run's objects.
    Directories.recreate(directory);
    Path logs = directory.resolve("logs");
    List<LocalProcess> processes = new ArrayList<>();
    String adminToken = randomToken();
    String controllerManagerToken = randomToken();
    try {
      int etcdPort = LocalPorts.free();
      LocalProcess etcd =
          LocalProcess.start("etcd", etcdCommand(binaries, directory, etcdPort), logs);
      processes.add(etcd);
      waitFor(etcd, () -> answers("http://127.0.0.1:" + etcdPort + "/health", null));

      ServiceAccountKeys keys = ServiceAccountKeys.generate(directory);
      Path tokens = directory.resolve("tokens.csv");
      Files.writeString(
          tokens,
          adminToken
              + ",e2e-admin,e2e-admin,system:masters\n"
              + controllerManagerToken
              + ",system:kube-controller-manager,kube-controller-manager,system:masters\n");
      int apiPort = LocalPorts.free();
      String url = "https://127.0.0.1:" + apiPort;
      LocalProcess apiServer =
          LocalProcess.start(
              "kube-apiserver",
              apiServerCommand(binaries, directory, etcdPort, apiPort, keys, tokens),
              logs);
      processes.add(apiServer);
      waitFor(apiServer, () -> answers(url + "/readyz", adminToken));

      Path controllerKubeconfig = directory.resolve("kube-controller-manager.kubeconfig");
      Files.writeString(controllerKubeconfig, kubeconfig(url, controllerManagerToken));
      processes.add(
          LocalProcess.start(
              "kube-controller-manager",
              controllerManagerCommand(binaries, controllerKubeconfig, keys),
              logs));
      ControlPlane plane = new ControlPlane(directory, url, adminToken, processes);
      plane.writeAdminKubeconfig();
      plane.waitForControllers();
      return plane;
    } catch (IOException | RuntimeException e) {
      processes.forEach(LocalProcess::close);
      throw e;
    }
  }

  public String apiServerUrl() {
    return apiServerUrl;
  }

  /** A kubeconfig file for kubectl and Helm, as a cluster administrator. */
  public Path adminKubeconfig() {
    return directory.resolve("admin.kubeconfig");
  }

  /** A client with every permission (group system:masters). */
  public KubernetesClient adminClient() {
    return clientWithToken(adminToken);
  }

  /** A client that authenticates with the given bearer token, e.g. a service account's. */
  public KubernetesClient clientWithToken(String token) {
    return new KubernetesClientBuilder().withConfig(config(token)).build();
  }

  public Config config(String token) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(apiServerUrl)
        .withOauthToken(token)
        .withTrustCerts(true)
        .withDisableHostnameVerification(true)
        .withRequestTimeout(30_000)
        .build();
  }

  /** Writes a kubeconfig file that authenticates with {@code token}, for a separate process. */
  public Path writeKubeconfig(Path file, String token) throws IOException {
    Files.writeString(file, kubeconfig(apiServerUrl, token));
    return file;
  }

  /** Fails with the program's last log lines when any of them has exited. */
  public void checkAlive() {
    processes.forEach(LocalProcess::checkAlive);
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }

  private void writeAdminKubeconfig() throws IOException {
    Files.writeString(adminKubeconfig(), kubeconfig(apiServerUrl, adminToken));
  }

  /** The service-account controller making "default" shows the controller manager is working. */
  private void waitForControllers() {
    try (KubernetesClient client = adminClient()) {
      waitFor(
          processes.get(processes.size() - 1),
          () -> client.serviceAccounts().inNamespace("default").withName("default").get() != null);
    }
  }

  private static List<String> etcdCommand(ControlPlaneBinaries binaries, Path directory, int port)
      throws IOException {
    int peerPort = LocalPorts.free();
    String client = "http://127.0.0.1:" + port;
    String peer = "http://127.0.0.1:" + peerPort;
    return List.of(
        binaries.program("etcd").toString(),
        "--data-dir=" + directory.resolve("etcd"),
        "--listen-client-urls=" + client,
        "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer,
        "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=default=" + peer,
        // Test data need not survive a power cut; without fsync etcd is several times faster.
        "--unsafe-no-fsync=true",
        "--log-level=warn");
  }

  private static List<String> apiServerCommand(
      ControlPlaneBinaries binaries,
      Path directory,
      int etcdPort,
      int port,
      ServiceAccountKeys keys,
      Path tokens) {
    return List.of(
        binaries.program("kube-apiserver").toString(),
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        "--secure-port=" + port,
        "--cert-dir=" + directory.resolve("apiserver-certificates"),
        "--token-auth-file=" + tokens,
        "--authorization-mode=RBAC",
        "--anonymous-auth=false",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + keys.publicKey(),
        "--service-account-signing-key-file=" + keys.privateKey(),
        "--service-cluster-ip-range=10.96.0.0/24",
        "--endpoint-reconciler-type=none",
        "--allow-privileged=true",
        "--v=1");
  }

  private static List<String> controllerManagerCommand(
      ControlPlaneBinaries binaries, Path kubeconfig, ServiceAccountKeys keys) throws IOException {
    return List.of(
        binaries.program("kube-controller-manager").toString(),
        "--kubeconfig=" + kubeconfig,
        "--controllers=" + String.join(",", CONTROLLERS),
        "--service-account-private-key-file=" + keys.privateKey(),
        "--leader-elect=false",
        "--bind-address=127.0.0.1",
        "--secure-port=" + LocalPorts.free(),
        "--v=1");
  }

  private static String kubeconfig(String url, String token) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: e2e
            cluster:
              server: %s
              insecure-skip-tls-verify: true
        users:
          - name: e2e
            user:
              token: %s
        contexts:
          - name: e2e
            context:
              cluster: e2e
              user: e2e
        current-context: e2e
        """
        .formatted(url, token);
  }

  private static void waitFor(LocalProcess process, BooleanSupplier ready) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!ready.getAsBoolean()) {
      process.checkAlive();
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Not ready after " + START_TIMEOUT.toSeconds() + " s; log:\n" + process.tail());
      }
      sleep(Duration.ofMillis(200));
    }
  }

  private static boolean answers(String url, String token) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response =
          insecureHttp().send(request.build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the control plane", e);
    }
  }

  /** Trusts the apiserver's self-signed certificate, as the kubeconfigs here do. */
  private static HttpClient insecureHttp() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustingManager()}, new SecureRandom());
      return HttpClient.newBuilder().sslContext(context).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class TrustingManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the control plane", e);
    }
  }
}

package io.dailycup.analytics.e2e.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.Map;

/** The status a healthy kubelet reports for its Node. */
final class NodeStatuses {

  private NodeStatuses() {}

  static Node ready(Node node) {
    String now = Instant.now().toString();
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity("2"),
            "memory", new Quantity("8Gi"),
            "pods", new Quantity("110"));
    return new NodeBuilder(node)
        .withNewStatus()
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .withReason("NodeAgentReady")
        .withMessage("the end-to-end node agent is running")
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(now)
        .endCondition()
        .addNewAddress()
        .withType("InternalIP")
        .withAddress("127.0.0.1")
        .endAddress()
        .withCapacity(capacity)
        .withAllocatable(capacity)
        .withNewNodeInfo()
        .withArchitecture("amd64")
        .withOperatingSystem("linux")
        .withKubeletVersion("e2e-node-agent")
        .withKubeProxyVersion("")
        .withContainerRuntimeVersion("local-process://1")
        .withOsImage("")
        .withKernelVersion("")
        .withBootID("")
        .withMachineID("")
        .withSystemUUID("")
        .endNodeInfo()
        .endStatus()
        .build();
  }
}

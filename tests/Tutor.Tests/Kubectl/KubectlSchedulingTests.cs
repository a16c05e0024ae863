namespace Tutor.Tests.Kubectl;

/// <summary>What kubectl shows of nodes, scheduling and storage on the sandbox.</summary>
public sealed class KubectlSchedulingTests(KubectlSandbox sandbox) : IClassFixture<KubectlSandbox>
{
    private (int Code, string Out, string Error) Kubectl(params string[] args) => sandbox.Kubectl(args);

    private const string StorageAndPods = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: tutor}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: tutor}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: tutor}
        spec:
          containers:
          - name: c
            image: nginx:1.27
            resources: {requests: {cpu: 250m, memory: 64Mi}}
            volumeMounts: [{name: d, mountPath: /data}]
          volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: big, namespace: tutor}
        spec:
          containers:
          - name: c
            image: nginx:1.27
            resources: {requests: {cpu: "8"}}
        """;

    [SkippableFact]
    public void Nodes_pods_and_claims_read_as_on_a_real_cluster()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        var manifest = sandbox.File("storage.yaml", StorageAndPods);
        var applied = Kubectl("apply", "-f", manifest);
        applied.Code.Should().Be(0, applied.Error);
        Kubectl("wait", "--for=condition=Ready", "pod/db", "--timeout=20s").Code.Should().Be(0);

        var nodes = Kubectl("get", "nodes");
        var node = Kubectl("get", "pod", "db", "-o", "jsonpath={.spec.nodeName}").Out;
        var describedNode = Kubectl("describe", "node", node);
        var claims = Kubectl("get", "pvc");
        var classes = Kubectl("get", "storageclass");
        var big = Kubectl("describe", "pod", "big");

        nodes.Out.Split('\n')[0].Should().MatchRegex(@"^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s*$");
        nodes.Out.Should().MatchRegex(@"sandbox-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.0").And.MatchRegex(@"sandbox-worker\s+Ready\s+<none>");
        describedNode.Out.Should().Contain("Taints:             <none>").And.MatchRegex(@"tutor\s+db\s+250m \(6%\)").And.MatchRegex(@"cpu\s+250m \(6%\)");
        claims.Out.Split('\n')[0].Should().MatchRegex(@"^NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+AGE\s*$");
        claims.Out.Should().MatchRegex(@"data\s+Bound\s+pvc-\S+\s+1Gi\s+RWO\s+standard\s+");
        classes.Out.Should().MatchRegex(@"standard \(default\)\s+rancher\.io/local-path\s+Delete\s+WaitForFirstConsumer");
        big.Out.Should().Contain("Warning  FailedScheduling").And.Contain("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.");
    }
}

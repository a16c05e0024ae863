using System.Text.Json.Nodes;

namespace Tutor.Tests.Kubectl;

/// <summary>
/// kubectl's everyday verbs against one shared sandbox: logs (simulated, and saying so), describe with its
/// Events, the output forms of get, patches of every type, edit, expose, cascading delete, kustomize and diff.
/// Each test works in a namespace of its own. Skipped, with the reason, without kubectl 1.28 or newer.
/// </summary>
public sealed class KubectlVerbTests(KubectlSandbox sandbox) : IClassFixture<KubectlSandbox>
{
    private (int Code, string Out, string Error) Kubectl(params string[] args) => sandbox.Kubectl(args);

    private static string Manifest(string relative) => Path.Combine(Engine.ShippedCatalogue.Root, relative);

    /// <summary>A namespace with the lesson's vote Deployment in it, rolled out.</summary>
    private void VoteIn(string ns)
    {
        Kubectl("apply", "-f", sandbox.File(ns + ".yaml", $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n")).Code.Should().Be(0);
        var applied = Kubectl("apply", "-n", ns, "-f", Manifest("manifests/120-deployments/step-2.solution.yaml"));
        applied.Code.Should().Be(0, applied.Error);
        var rollout = Kubectl("rollout", "status", "-n", ns, "deployment/vote", "--timeout=20s");
        rollout.Code.Should().Be(0, rollout.Error);
    }

    private string FirstPod(string ns) => Kubectl("get", "pods", "-n", ns, "-l", "app=vote", "-o", "jsonpath={.items[0].metadata.name}").Out;

    [SkippableFact]
    public void Logs_say_they_are_simulated_and_honour_container_tail_previous_and_follow()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        VoteIn("logs");
        var pod = FirstPod("logs");

        var plain = Kubectl("logs", "-n", "logs", pod);
        var byDeployment = Kubectl("logs", "-n", "logs", "deploy/vote");
        var named = Kubectl("logs", "-n", "logs", pod, "-c", "vote");
        var wrong = Kubectl("logs", "-n", "logs", pod, "-c", "nope");
        var tail = Kubectl("logs", "-n", "logs", pod, "--tail=1");
        var followed = Kubectl("logs", "-n", "logs", "-f", pod);
        var noPrevious = Kubectl("logs", "-n", "logs", pod, "--previous");

        plain.Code.Should().Be(0, plain.Error);
        plain.Out.Should().Contain("[simulated]").And.Contain("dockersamples/examplevotingapp_vote").And.Contain("Running since");
        byDeployment.Out.Should().Contain("[simulated]");
        named.Out.Should().Be(plain.Out);
        wrong.Code.Should().NotBe(0);
        wrong.Error.Should().Contain("nope");
        tail.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain("Running since");
        followed.Code.Should().Be(0, followed.Error);
        followed.Out.Should().Be(plain.Out);
        noPrevious.Code.Should().NotBe(0);
        noPrevious.Error.Should().Contain("previous terminated container");
    }

    [SkippableFact]
    public void Logs_of_a_crashing_container_tell_its_exit_code_now_and_with_previous()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        Kubectl("apply", "-f", sandbox.File("crash-ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: crash\n")).Code.Should().Be(0);
        var pod = sandbox.File("crash.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: crasher
              namespace: crash
            spec:
              containers:
              - name: main
                image: busybox:1.36
                command: ["sh", "-c", "exit 3"]
            """);
        Kubectl("apply", "-f", pod).Code.Should().Be(0);
        var waited = Kubectl("wait", "-n", "crash", "pod/crasher", "--for=jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}=3", "--timeout=20s");
        waited.Code.Should().Be(0, waited.Error);

        var previous = Kubectl("logs", "-n", "crash", "crasher", "--previous");

        previous.Code.Should().Be(0, previous.Error);
        previous.Out.Should().Contain("[simulated]").And.Contain("exited with code 3");
    }

    [SkippableFact]
    public void Describe_prints_pod_deployment_service_node_and_namespace_with_events_at_the_bottom()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        VoteIn("describe");
        Kubectl("expose", "-n", "describe", "deployment", "vote", "--port=80").Code.Should().Be(0);
        var pod = FirstPod("describe");

        var describedPod = Kubectl("describe", "-n", "describe", "pod", pod);
        var deployment = Kubectl("describe", "-n", "describe", "deployment", "vote");
        var service = Kubectl("describe", "-n", "describe", "service", "vote");
        var node = Kubectl("describe", "node", Kubectl("get", "pod", "-n", "describe", pod, "-o", "jsonpath={.spec.nodeName}").Out);
        var ns = Kubectl("describe", "namespace", "describe");

        describedPod.Code.Should().Be(0, describedPod.Error);
        var events = describedPod.Out[describedPod.Out.IndexOf("Events:", StringComparison.Ordinal)..];
        events.Should().MatchRegex(@"Type\s+Reason\s+Age\s+From\s+Message")
            .And.MatchRegex(@"Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned describe/" + pod)
            .And.MatchRegex(@"Normal\s+Started\s+\S+\s+kubelet\s+Started container vote");
        deployment.Out.Should().MatchRegex(@"Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available");
        deployment.Out.Should().MatchRegex(@"Events:[\s\S]*ScalingReplicaSet");
        service.Out.Should().MatchRegex(@"Selector:\s+app=vote").And.MatchRegex(@"Port:\s+<unset>\s+80/TCP");
        node.Code.Should().Be(0, node.Error);
        node.Out.Should().Contain("Name:").And.Contain("kubernetes.io/os=linux").And.NotContain("Failed to get lease");
        node.Out.Should().MatchRegex(@"Lease:\s+HolderIdentity:\s+sandbox-");
        ns.Out.Should().MatchRegex(@"Status:\s+Active");
    }

    [SkippableFact]
    public void Get_prints_every_output_form_and_filters_by_label_and_field()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        VoteIn("output");
        var pod = FirstPod("output");

        var json = Kubectl("get", "deployment", "vote", "-n", "output", "-o", "json");
        var yaml = Kubectl("get", "deployment", "vote", "-n", "output", "-o", "yaml");
        var wide = Kubectl("get", "pods", "-n", "output", "-o", "wide");
        var columns = Kubectl("get", "pods", "-n", "output", "-o", "custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image");
        var labels = Kubectl("get", "pods", "-n", "output", "--show-labels");
        var none = Kubectl("get", "pods", "-n", "output", "-l", "app=nothing");
        var field = Kubectl("get", "pods", "-n", "output", "--field-selector", "metadata.name=" + pod, "-o", "name");
        var everywhere = Kubectl("get", "pods", "-A");
        var all = Kubectl("get", "all", "-n", "output");

        JsonNode.Parse(json.Out)!["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        yaml.Out.Should().Contain("kind: Deployment").And.Contain("replicas: 3");
        wide.Out.Split('\n')[0].Should().MatchRegex(@"NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE");
        columns.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(4)
            .And.Subject.Skip(1).Should().OnlyContain(l => l.Contains("dockersamples/examplevotingapp_vote:before"));
        labels.Out.Should().Contain("app=vote");
        none.Error.Should().Contain("No resources found");
        field.Out.Trim().Should().Be("pod/" + pod);
        everywhere.Out.Split('\n')[0].Should().StartWith("NAMESPACE");
        everywhere.Out.Should().Contain("output ");
        all.Out.Should().Contain("deployment.apps/vote").And.Contain("replicaset.apps/vote-").And.Contain("pod/" + pod);
    }

    [SkippableFact]
    public void Patch_annotate_set_image_expose_and_edit_change_the_object()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        VoteIn("change");

        Kubectl("patch", "-n", "change", "deployment", "vote", "-p", """{"metadata":{"labels":{"strategic":"yes"}}}""").Code.Should().Be(0);
        Kubectl("patch", "-n", "change", "deployment", "vote", "--type=merge", "-p", """{"metadata":{"labels":{"merge":"yes"}}}""").Code.Should().Be(0);
        Kubectl("patch", "-n", "change", "deployment", "vote", "--type=json", "-p", """[{"op":"add","path":"/metadata/labels/json","value":"yes"}]""").Code.Should().Be(0);
        Kubectl("annotate", "-n", "change", "deployment", "vote", "owner=team").Code.Should().Be(0);
        var set = Kubectl("set", "image", "-n", "change", "deployment/vote", "vote=dockersamples/examplevotingapp_vote:after");
        var exposed = Kubectl("expose", "-n", "change", "deployment", "vote", "--port=80");
        var editor = sandbox.File("editor.sh", "#!/bin/sh\nsed -i 's/owner: team/owner: edited/' \"$1\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var edited = sandbox.KubectlWith(new Dictionary<string, string> { ["EDITOR"] = editor }, "edit", "-n", "change", "deployment", "vote");
        var available = Kubectl("wait", "-n", "change", "--for=condition=Available", "deploy/vote", "--timeout=20s");

        var live = JsonNode.Parse(Kubectl("get", "-n", "change", "deployment", "vote", "-o", "json").Out)!;
        live["metadata"]!["labels"]!.AsObject().Select(l => l.Key).Should().Contain(["strategic", "merge", "json"]);
        set.Code.Should().Be(0, set.Error);
        live["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>().Should().Be("dockersamples/examplevotingapp_vote:after");
        exposed.Out.Should().Contain("service/vote exposed");
        Kubectl("get", "-n", "change", "service", "vote", "-o", "jsonpath={.spec.ports[0].port}").Out.Should().Be("80");
        edited.Code.Should().Be(0, edited.Error);
        live["metadata"]!["annotations"]!["owner"]!.GetValue<string>().Should().Be("edited");
        available.Out.Should().Contain("condition met");
    }

    [SkippableFact]
    public void Delete_with_orphan_keeps_dependents_and_foreground_removes_them()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        VoteIn("cascade");

        var orphaned = Kubectl("delete", "-n", "cascade", "deployment", "vote", "--cascade=orphan");
        var owners = Kubectl("get", "replicasets", "-n", "cascade", "-o", "jsonpath={.items[*].metadata.ownerReferences}");
        var pods = Kubectl("get", "pods", "-n", "cascade", "-o", "name");
        var foreground = Kubectl("delete", "-n", "cascade", "replicasets", "--all", "--cascade=foreground");
        var left = Kubectl("get", "pods", "-n", "cascade", "-o", "name");

        orphaned.Code.Should().Be(0, orphaned.Error);
        owners.Out.Should().BeEmpty("an orphaned ReplicaSet loses its owner reference");
        pods.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3);
        foreground.Code.Should().Be(0, foreground.Error);
        left.Out.Should().BeEmpty();
    }

    [SkippableFact]
    public void Apply_k_builds_an_overlay_and_diff_shows_the_change_before_it_is_made()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        Kubectl("apply", "-f", sandbox.File("kustomize-ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kustomize\n")).Code.Should().Be(0);
        sandbox.File("k/base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: \"1\"\n");
        sandbox.File("k/base/kustomization.yaml", "resources: [cm.yaml]\n");
        var overlay = Path.GetDirectoryName(sandbox.File("k/overlay/kustomization.yaml", "resources: [../base]\nnamespace: kustomize\nnamePrefix: prod-\nlabels:\n- pairs:\n    env: prod\n"))!;
        var changed = sandbox.File("changed.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prod-settings\n  namespace: kustomize\n  labels:\n    env: prod\ndata:\n  level: \"2\"\n");

        var applied = Kubectl("apply", "-k", overlay);
        var diff = Kubectl("diff", "-f", changed);
        var after = Kubectl("get", "configmap", "prod-settings", "-n", "kustomize", "-o", "jsonpath={.data.level}");

        applied.Code.Should().Be(0, applied.Error);
        applied.Out.Should().Contain("configmap/prod-settings created");
        diff.Code.Should().Be(1, "kubectl diff exits 1 when there are differences: " + diff.Error);
        diff.Out.Should().Contain("-  level: \"1\"").And.Contain("+  level: \"2\"");
        after.Out.Should().Be("1", "diff only asks the server with a dry run");
    }

    [SkippableFact]
    public void Discovery_verbs_list_the_sandbox_resources()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);

        var resources = Kubectl("api-resources");
        var wide = Kubectl("api-resources", "-o", "wide");
        var versions = Kubectl("api-versions");
        var info = Kubectl("cluster-info");
        var version = Kubectl("version");
        var top = Kubectl("top", "pods");

        resources.Out.Split('\n')[0].Should().MatchRegex(@"^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\s*$");
        resources.Out.Should().MatchRegex(@"deployments\s+deploy\s+apps/v1\s+true\s+Deployment");
        wide.Out.Should().MatchRegex(@"pods\s+po\s+v1\s+true\s+Pod\s+\S*create,delete,deletecollection,get,list,patch,update,watch");
        versions.Out.Split('\n').Should().Contain(["v1", "apps/v1"]);
        info.Out.Should().Contain("Kubernetes control plane is running at https://127.0.0.1:");
        version.Out.Should().Contain("Server Version: v1.");
        top.Code.Should().NotBe(0);
        top.Error.Should().Contain("Metrics API not available");
    }

    [SkippableFact]
    public void Explain_prints_the_fields_of_a_kind_and_of_a_nested_field()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);

        var containers = Kubectl("explain", "pod.spec.containers");
        var ports = Kubectl("explain", "deployment.spec.template.spec.containers.ports");
        var service = Kubectl("explain", "service");

        containers.Code.Should().Be(0, containers.Error);
        containers.Out.Should().MatchRegex(@"FIELD:\s+containers\s+<\[\]Container>")
            .And.MatchRegex(@"image\s+<string>").And.MatchRegex(@"env\s+<\[\]EnvVar>").And.MatchRegex(@"resources\s+<ResourceRequirements>");
        ports.Out.Should().Contain("GROUP:      apps").And.MatchRegex(@"containerPort\s+<integer>");
        service.Out.Should().MatchRegex(@"spec\s+<ServiceSpec>").And.MatchRegex(@"metadata\s+<ObjectMeta>");
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace Tutor.Tests.Kubectl;

/// <summary>
/// kubectl's generators (<c>kubectl create namespace|configmap|secret|deployment|service|role|job|…</c>), which build
/// the object in kubectl and send it as protobuf, against the sandbox. Skipped without kubectl 1.28+.
/// </summary>
public sealed class GeneratorKubectlTests(KubectlSandbox sandbox) : IClassFixture<KubectlSandbox>
{
    private static readonly Lazy<string?> Unavailable = new(() => KubectlSandbox.Unavailable);

    private (int Code, string Out, string Error) Kubectl(params string[] args) => sandbox.Kubectl(args);

    private (int Code, string Out, string Error) Ok(params string[] args)
    {
        var result = Kubectl(args);
        result.Code.Should().Be(0, $"kubectl {string.Join(' ', args)}: {result.Error}");
        return result;
    }

    [SkippableFact]
    public void Each_generator_creates_what_kubectl_built_and_the_server_keeps_every_field_of_it()
    {
        Skip.If(Unavailable.Value is not null, Unavailable.Value);
        Ok("create", "namespace", "gen").Out.Should().Be("namespace/gen created\n");
        var (cert, key) = TlsPair();
        string[][] generators =
        [
            ["create", "configmap", "settings", "--from-literal=mode=fast", "--from-file=" + sandbox.File("motd.txt", "welcome\nto the cluster\n")],
            ["create", "secret", "generic", "creds", "--from-literal=password=s3cr3t!", "--type=Opaque"],
            ["create", "secret", "docker-registry", "regcred", "--docker-server=registry.example", "--docker-username=learner", "--docker-password=pw"],
            ["create", "secret", "tls", "web-tls", "--cert=" + cert, "--key=" + key],
            ["create", "serviceaccount", "robot"],
            ["create", "deployment", "web", "--image=nginx:1.27", "--replicas=3", "--port=8080"],
            ["create", "service", "clusterip", "web", "--tcp=80:8080"],
            ["create", "service", "nodeport", "web-np", "--tcp=80:8080", "--node-port=30080"],
            ["create", "role", "pod-reader", "--verb=get,list", "--resource=pods,deployments.apps"],
            ["create", "rolebinding", "read-pods", "--role=pod-reader", "--user=alice", "--serviceaccount=gen:robot"],
            ["create", "clusterrole", "node-reader", "--verb=get,list", "--resource=nodes"],
            ["create", "clusterrolebinding", "read-nodes", "--clusterrole=node-reader", "--group=readers"],
            ["create", "job", "once", "--image=busybox:1.36", "--", "echo", "hi"],
            ["create", "cronjob", "nightly", "--image=busybox:1.36", "--schedule=0 3 * * *", "--", "echo", "report"],
            ["create", "job", "nightly-now", "--from=cronjob/nightly"],
            ["create", "quota", "small", "--hard=pods=5,requests.cpu=2,requests.memory=1Gi"],
            ["create", "ingress", "web", "--rule=web.example/=web:80", "--class=nginx"],
            ["create", "pdb", "web", "--selector=app=web", "--min-available=2"],
        ];

        foreach (var generator in generators)
        {
            var sent = JsonNode.Parse(Ok(With(generator, "--dry-run=client", "-o", "json")).Out)!.AsObject();
            var created = Ok(With(generator)).Out.Trim();
            created.Should().EndWith(" created");
            var stored = JsonNode.Parse(Ok("get", "-n", "gen", created[..^" created".Length], "-o", "json").Out)!;

            sent.Remove("status");
            Missing(sent, stored, "").Should().BeEmpty($"`kubectl {string.Join(' ', generator)}` stores everything kubectl sent");
        }

        // autoscale sends autoscaling/v1, stored as v2; run sends its Pod as JSON.
        var autoscaled = Ok("autoscale", "deployment", "web", "-n", "gen", "--min=2", "--max=5", "--cpu-percent=70").Out;
        var run = Ok("run", "solo", "--image=nginx:1.27", "--port=80", "--labels=app=solo", "-n", "gen").Out;
        Ok("rollout", "status", "deployment/web", "-n", "gen", "--timeout=20s");
        Ok("wait", "--for=condition=complete", "job/once", "job/nightly-now", "-n", "gen", "--timeout=20s");
        var secret = Ok("get", "secret", "creds", "-n", "gen", "-o", "jsonpath={.data.password}").Out;
        var motd = Ok("get", "configmap", "settings", "-n", "gen", "-o", "jsonpath={.data.motd\\.txt}").Out;
        var owner = Ok("get", "job", "nightly-now", "-n", "gen", "-o", "jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}").Out;
        var ports = Ok("get", "service", "web-np", "-n", "gen", "-o", "jsonpath={.spec.type} {.spec.ports[0].port}:{.spec.ports[0].targetPort}:{.spec.ports[0].nodePort}").Out;
        var deployments = Ok("get", "deployments", "-n", "gen").Out;

        var autoscaler = Ok("get", "hpa", "web", "-n", "gen", "-o",
            "jsonpath={.spec.scaleTargetRef.kind}/{.spec.scaleTargetRef.name} {.spec.minReplicas}-{.spec.maxReplicas} {.spec.metrics[0].resource.name}={.spec.metrics[0].resource.target.averageUtilization}").Out;
        Ok("wait", "--for=condition=Ready", "pod/solo", "-n", "gen", "--timeout=20s");

        autoscaled.Should().Be("horizontalpodautoscaler.autoscaling/web autoscaled\n");
        autoscaler.Should().Be("Deployment/web 2-5 cpu=70");
        run.Should().Be("pod/solo created\n");
        Encoding.UTF8.GetString(Convert.FromBase64String(secret)).Should().Be("s3cr3t!");
        motd.Should().Be("welcome\nto the cluster\n");
        owner.Should().Be("CronJob/nightly");
        ports.Should().Be("NodePort 80:8080:30080");
        deployments.Should().MatchRegex(@"web\s+3/3\s+3\s+3\s+");
        Ok("auth", "can-i", "list", "pods", "-n", "gen", "--as=alice").Out.Trim().Should().Be("yes");
        Ok("auth", "can-i", "list", "deployments.apps", "-n", "gen", "--as=system:serviceaccount:gen:robot").Out.Trim().Should().Be("yes");
        Ok("auth", "can-i", "list", "nodes", "--as=bob", "--as-group=readers").Out.Trim().Should().Be("yes");
    }

    [SkippableFact]
    public void Generated_objects_meet_validation_rbac_and_dry_runs_as_json_ones_do()
    {
        Skip.If(Unavailable.Value is not null, Unavailable.Value);
        Ok("create", "namespace", "gen-rules");
        Ok("create", "serviceaccount", "viewer", "-n", "gen-rules");
        Ok("create", "rolebinding", "viewer", "--clusterrole=view", "--serviceaccount=gen-rules:viewer", "-n", "gen-rules");

        var invalid = Kubectl("create", "deployment", "Web_1", "--image=nginx", "-n", "gen-rules");
        var negative = Kubectl("create", "deployment", "web", "--image=nginx", "--replicas=-1", "-n", "gen-rules");
        var forbidden = Kubectl("create", "configmap", "notes", "--from-literal=a=b", "-n", "gen-rules", "--as=system:serviceaccount:gen-rules:viewer");
        Ok("create", "secret", "generic", "once", "--from-literal=a=b", "-n", "gen-rules");
        var again = Kubectl("create", "secret", "generic", "once", "--from-literal=a=b", "-n", "gen-rules");
        var dryRun = Ok("create", "deployment", "preview", "--image=nginx:1.27", "-n", "gen-rules", "--dry-run=server", "-o", "yaml").Out;
        var afterDryRun = Kubectl("get", "deployment", "preview", "-n", "gen-rules");

        invalid.Code.Should().NotBe(0);
        invalid.Error.Should().Contain("Deployment.apps \"Web_1\" is invalid").And.Contain("metadata.name");
        negative.Error.Should().Contain("spec.replicas: Invalid value: -1");
        forbidden.Error.Should().Contain("configmaps is forbidden: User \"system:serviceaccount:gen-rules:viewer\" cannot create resource \"configmaps\"");
        again.Error.Should().Contain("secrets \"once\" already exists");
        dryRun.Should().Contain("name: preview").And.Contain("progressDeadlineSeconds: 600").And.Contain("image: nginx:1.27");
        afterDryRun.Error.Should().Contain("deployments.apps \"preview\" not found");
    }

    /// <summary>The generator in namespace gen with <paramref name="flags"/>, all before a <c>--</c> and the container's command.</summary>
    private static string[] With(string[] generator, params string[] flags)
    {
        var command = Array.IndexOf(generator, "--") is var at && at >= 0 ? at : generator.Length;
        return [.. generator[..command], "-n", "gen", .. flags, .. generator[command..]];
    }

    /// <summary>The paths in <paramref name="sent"/> that <paramref name="stored"/> lacks or holds with another value.</summary>
    private static IEnumerable<string> Missing(JsonNode? sent, JsonNode? stored, string path)
    {
        switch (sent)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields)
                {
                    // kubectl writes the unset creation time as null; the server sets it.
                    if (value is null && name == "creationTimestamp") continue;
                    foreach (var missing in Missing(value, (stored as JsonObject)?[name], $"{path}.{name}")) yield return missing;
                }

                break;
            case JsonArray items:
                if (stored is not JsonArray storedItems || storedItems.Count != items.Count)
                {
                    yield return path;
                    yield break;
                }

                for (var i = 0; i < items.Count; i++)
                    foreach (var missing in Missing(items[i], storedItems[i], $"{path}[{i}]")) yield return missing;
                break;
            default:
                if (!JsonNode.DeepEquals(sent, stored)) yield return $"{path} ({sent?.ToJsonString()} → {stored?.ToJsonString()})";
                break;
        }
    }

    /// <summary>A self-signed certificate and its key as PEM files, for <c>create secret tls</c>.</summary>
    private (string Cert, string Key) TlsPair()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=web.example", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (sandbox.File("tls.crt", certificate.ExportCertificatePem()), sandbox.File("tls.key", rsa.ExportPkcs8PrivateKeyPem()));
    }
}

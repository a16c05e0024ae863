using Tutor.Sandbox;

namespace Tutor.Tests.Kubectl;

/// <summary>kubectl's rollout, StatefulSet, DaemonSet and CronJob commands against the sandbox. Skipped without kubectl 1.28+.</summary>
public sealed class WorkloadKubectlTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tutor-kubectl-" + Guid.NewGuid().ToString("N")[..8]);
    private SandboxServer _server = null!;
    private string _kubeconfig = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(100) });
        _kubeconfig = Path.Combine(_dir, "kubeconfig");
        await File.WriteAllTextAsync(_kubeconfig, _server.Kubeconfig());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private (int Code, string Out, string Error) Kubectl(params string[] args) =>
        KubectlSandbox.Run(_kubeconfig, null, ["--cache-dir", Path.Combine(_dir, "cache"), "-n", "default", .. args]);

    private (int Code, string Out, string Error) Apply(string yaml)
    {
        var file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, yaml);
        return Kubectl("apply", "-f", file);
    }

    private void Ok((int Code, string Out, string Error) result) => result.Code.Should().Be(0, result.Error + result.Out);

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          revisionHistoryLimit: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """;

    [SkippableFact]
    public void Rollout_history_undo_and_restart_work_on_a_deployment()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        Ok(Apply(Deployment));
        Ok(Kubectl("rollout", "status", "deployment/web", "--timeout=20s"));
        Ok(Kubectl("set", "image", "deployment/web", "web=nginx:1.25"));
        Ok(Kubectl("rollout", "status", "deployment/web", "--timeout=20s"));

        var history = Kubectl("rollout", "history", "deployment/web");
        Ok(history);
        history.Out.Should().MatchRegex(@"REVISION\s+CHANGE-CAUSE").And.MatchRegex(@"(?m)^1\s").And.MatchRegex(@"(?m)^2\s");

        var undo = Kubectl("rollout", "undo", "deployment/web");
        Ok(undo);
        undo.Out.Should().Contain("rolled back");
        Ok(Kubectl("rollout", "status", "deployment/web", "--timeout=20s"));
        Kubectl("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}").Out.Should().Be("nginx:1.27");
        Kubectl("get", "deployment", "web", "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}").Out.Should().Be("3");

        var restart = Kubectl("rollout", "restart", "deployment/web");
        Ok(restart);
        Ok(Kubectl("rollout", "status", "deployment/web", "--timeout=20s"));
        Kubectl("get", "deployment", "web", "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}").Out.Should().Be("4");
        // Revisions 3 (now idle) and 2 are kept; revision 1 became 3, so two idle sets remain within the limit of 2.
        var sets = Kubectl("get", "replicasets", "-l", "app=web", "-o", "name").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        sets.Length.Should().Be(3);
        var template = Kubectl("get", "deployment", "web", "-o", "jsonpath={.spec.template.metadata.annotations}").Out;
        template.Should().Contain("kubectl.kubernetes.io/restartedAt");
    }

    [SkippableFact]
    public void A_stateful_set_and_a_daemon_set_show_their_columns()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        Ok(Apply("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              replicas: 2
              serviceName: db
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  containers:
                  - name: db
                    image: nginx:1.27
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector:
                matchLabels: {app: agent}
              template:
                metadata:
                  labels: {app: agent}
                spec:
                  containers:
                  - name: agent
                    image: nginx:1.27
            """));
        Ok(Kubectl("rollout", "status", "statefulset/db", "--timeout=20s"));
        Ok(Kubectl("rollout", "status", "daemonset/agent", "--timeout=20s"));

        var sts = Kubectl("get", "statefulsets");
        var ds = Kubectl("get", "daemonsets");
        var pvc = Kubectl("get", "pvc", "-o", "name");

        sts.Out.Should().MatchRegex(@"NAME\s+READY\s+AGE").And.MatchRegex(@"db\s+2/2\s+");
        ds.Out.Should().MatchRegex(@"NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE").And.MatchRegex(@"agent\s+2\s+2\s+2\s+2\s+2\s+<none>\s+");
        pvc.Out.Should().Contain("persistentvolumeclaim/data-db-0").And.Contain("persistentvolumeclaim/data-db-1");
    }

    [SkippableFact]
    public void A_job_owned_by_a_cron_job_runs_and_cron_jobs_and_jobs_show_their_columns()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        Ok(Apply("""
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: report
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: report
                        image: busybox:1.36
                        command: [sh, -c, "echo report"]
            """));
        var bad = Apply("""
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: broken
            spec:
              schedule: "every day"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - {name: c, image: busybox:1.36}
            """);

        // kubectl builds this Job itself from the CronJob's template and sends it as protobuf.
        var created = Kubectl("create", "job", "report-now", "--from=cronjob/report");
        Ok(created);
        var owner = Kubectl("get", "job", "report-now", "-o", "jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}");
        Ok(Kubectl("wait", "--for=condition=complete", "job/report-now", "--timeout=20s"));
        var cron = Kubectl("get", "cronjobs");
        var jobs = Kubectl("get", "jobs");

        bad.Code.Should().NotBe(0);
        bad.Error.Should().Contain("spec.schedule");
        created.Out.Should().Contain("job.batch/report-now created");
        owner.Out.Should().Be("CronJob/report");
        cron.Out.Should().MatchRegex(@"NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE").And.MatchRegex(@"report\s+0 3 \* \* \*\s+<none>\s+False\s+0\s+<none>\s+");
        jobs.Out.Should().MatchRegex(@"NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE").And.MatchRegex(@"report-now\s+Complete\s+1/1\s+");
    }
}

using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Tutor.Core.Classroom;

namespace Tutor.Tests.Classroom;

/// <summary>
/// The instructor's verbs through the real command line against the sandbox, which authorizes every request with
/// RBAC as a cluster does: what provision makes, that a learner's kubeconfig reaches their namespace and nothing
/// else, that a lesson runs there, and that reset, pace and teardown touch exactly what they should.
/// </summary>
public sealed class ClassroomVerbTests(ClassroomSandbox room) : IClassFixture<ClassroomSandbox>
{
    private async Task<(int Exit, string Out, string Error)> ProvisionAsync(string classroom, params string[] more)
    {
        using var cli = room.Instructor();
        return await cli.RunAsync(["classroom", "provision", "--name", classroom, "--out", room.Out(classroom), .. more]);
    }

    private static async Task<HttpStatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return HttpStatusCode.OK;
        }
        catch (HttpOperationException e)
        {
            return e.Response.StatusCode;
        }
    }

    [Fact]
    public async Task Provision_makes_each_learner_a_namespace_with_rights_quota_and_a_private_kubeconfig_and_running_it_again_changes_nothing()
    {
        var first = await ProvisionAsync("ws1", "--learners", "2");
        var again = await ProvisionAsync("ws1", "--learners", "2");
        var file = Path.Combine(room.Directory, "ws1-learners.txt");
        await File.WriteAllTextAsync(file, "learner-01\nlearner-02\n# late\nzoe\n");
        var added = await ProvisionAsync("ws1", "--learners-file", file);
        var before = await File.ReadAllTextAsync(room.KubeconfigOf("ws1", "learner-01"));
        var refreshed = await ProvisionAsync("ws1", "--learners-file", file, "--refresh-tokens");

        first.Exit.Should().Be(0, first.Error);
        first.Out.Should().Contain("Classroom ws1 on https://127.0.0.1:").And.Contain("2 learners: 2 to add");
        again.Out.Should().Contain("2 learners, all up to date");
        again.Out.Should().NotContain("created").And.NotContain("written");
        added.Exit.Should().Be(0, added.Error);
        added.Out.Should().Contain("3 learners: 1 to add, 2 up to date").And.Contain("ws1-zoe: namespace/ws1-zoe created");
        added.Out.Should().NotContain("ws1-learner-01:");
        refreshed.Out.Should().Contain("3 learners: 3 with a new token");
        (await File.ReadAllTextAsync(room.KubeconfigOf("ws1", "learner-01"))).Should().NotBe(before);

        var ns = await room.Admin.ReadNamespaceAsync("ws1-zoe");
        ns.Metadata.Labels.Should().Contain(new Dictionary<string, string>
        {
            [ClassroomNames.ClassroomLabel] = "ws1", [ClassroomNames.LearnerLabel] = "zoe", ["app.kubernetes.io/managed-by"] = "tutor",
            ["pod-security.kubernetes.io/enforce"] = "baseline",
        });
        (await room.Admin.ReadNamespacedResourceQuotaAsync("tutor-learner", "ws1-zoe")).Spec.Hard["pods"].ToString().Should().Be("40");
        (await room.Admin.ReadNamespacedConfigMapAsync(ClassroomNames.ClassroomConfigMap, "ws1-zoe")).Data[ClassroomNames.ClassroomKey].Should().Be("ws1");
        (await room.Admin.ListClusterRoleBindingAsync()).Items.Should().NotContain(b => b.Metadata.Name.Contains("tutor"), "nothing cluster-wide is granted");
        var kubeconfig = room.KubeconfigOf("ws1", "zoe");
        File.GetUnixFileMode(kubeconfig).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var text = await File.ReadAllTextAsync(kubeconfig);
        text.Should().Contain("namespace: ws1-zoe").And.Contain(room.Server.Url.ToString().TrimEnd('/')).And.Contain("certificate-authority-data:");
        text.Should().NotContain(room.Server.Token, "a learner gets their own token, never the instructor's");
    }

    [Fact]
    public async Task A_learners_kubeconfig_can_do_nothing_outside_their_namespace()
    {
        (await ProvisionAsync("ws2", "--learners", "2")).Exit.Should().Be(0);
        using var learner = ClassroomSandbox.ClientFrom(room.KubeconfigOf("ws2", "learner-01"));
        var user = "system:serviceaccount:ws2-learner-01:tutor-learner";
        async Task<bool> Can(string verb, string resource, string? ns, string group = "", string? name = null) =>
            (await room.Admin.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
            {
                Spec = new V1SubjectAccessReviewSpec
                {
                    User = user,
                    Groups = ["system:serviceaccounts", "system:serviceaccounts:ws2-learner-01", "system:authenticated"],
                    ResourceAttributes = new V1ResourceAttributes { Verb = verb, Resource = resource, NamespaceProperty = ns, Group = group, Name = name },
                },
            })).Status.Allowed;

        (await Can("list", "secrets", "ws2-learner-02")).Should().BeFalse();
        (await Can("create", "namespaces", null)).Should().BeFalse();
        (await Can("get", "nodes", null)).Should().BeFalse();
        (await Can("get", "namespaces", "ws2-learner-02", name: "ws2-learner-02")).Should().BeFalse();
        (await Can("create", "clusterrolebindings", null, "rbac.authorization.k8s.io")).Should().BeFalse();
        (await Can("update", "resourcequotas", "ws2-learner-01")).Should().BeFalse("the quota is the instructor's");
        (await Can("create", "deployments", "ws2-learner-01", "apps")).Should().BeTrue();
        (await Can("get", "pods/log", "ws2-learner-01")).Should().BeTrue();

        (await StatusOf(() => learner.ListNamespacedSecretAsync("ws2-learner-02"))).Should().Be(HttpStatusCode.Forbidden);
        (await StatusOf(() => learner.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "mine" } }))).Should().Be(HttpStatusCode.Forbidden);
        (await StatusOf(() => learner.ListNodeAsync())).Should().Be(HttpStatusCode.Forbidden);
        (await StatusOf(() => learner.ReadNamespaceAsync("ws2-learner-02"))).Should().Be(HttpStatusCode.Forbidden);
        // Lessons teach RBAC, so a learner writes Roles in their namespace; escalation prevention keeps those Roles
        // within the learner's own rights, and the learner's own Role cannot be widened either.
        var wider = new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "wider" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["resourcequotas"], Verbs = ["update"] }],
        };
        (await StatusOf(() => learner.CreateNamespacedRoleAsync(wider, "ws2-learner-01"))).Should().Be(HttpStatusCode.Forbidden);
        var own = await learner.ReadNamespacedRoleAsync("tutor-learner", "ws2-learner-01");
        own.Rules.Add(new V1PolicyRule { ApiGroups = [""], Resources = ["resourcequotas"], Verbs = ["update"] });
        (await StatusOf(() => learner.ReplaceNamespacedRoleAsync(own, "tutor-learner", "ws2-learner-01"))).Should().Be(HttpStatusCode.Forbidden);
        var narrow = new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "narrow" },
            Rules = [new V1PolicyRule { ApiGroups = ["apps"], Resources = ["deployments"], Verbs = ["get", "list"] }],
        };
        (await StatusOf(() => learner.CreateNamespacedRoleAsync(narrow, "ws2-learner-01"))).Should().Be(HttpStatusCode.OK);
        (await StatusOf(() => learner.ListNamespacedSecretAsync("ws2-learner-01"))).Should().Be(HttpStatusCode.OK);
        (await StatusOf(() => learner.ReadNamespaceAsync("ws2-learner-01"))).Should().Be(HttpStatusCode.OK);
        var who = await learner.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());
        who.Status.UserInfo.Username.Should().Be(user);
    }

    [Fact]
    public async Task A_lesson_runs_in_the_learners_namespace_with_their_kubeconfig_and_their_own_reset_keeps_the_classroom()
    {
        (await ProvisionAsync("ws3", "--learners", "1")).Exit.Should().Be(0);
        using var cli = room.Learner(room.KubeconfigOf("ws3", "learner-01"));

        var solve = await cli.RunAsync("solve", "120");
        var check = await cli.RunAsync("check", "120", "--wait", "30");
        var reset = await cli.RunAsync("reset", "120");

        solve.Exit.Should().Be(0, solve.Error);
        check.Exit.Should().Be(0, check.Out + check.Error);
        check.Out.Should().Contain("All 6 checks pass");
        (await room.Admin.ListNamespacedDeploymentAsync("ws3-learner-01")).Items.Should().BeEmpty("reset deleted the lesson's Deployment");
        reset.Exit.Should().Be(0, reset.Error);
        (await room.Admin.ReadNamespacedServiceAccountAsync("tutor-learner", "ws3-learner-01")).Should().NotBeNull();
        (await room.Admin.ReadNamespacedConfigMapAsync(ClassroomNames.ClassroomConfigMap, "ws3-learner-01")).Should().NotBeNull();
        var after = await cli.RunAsync("check", "120");
        after.Exit.Should().Be(1, "the learner's token still works after their reset; the lesson is back at its start");
    }

    [Fact]
    public async Task Classroom_reset_puts_a_lesson_back_for_a_learner_and_clears_it_from_their_progress()
    {
        (await ProvisionAsync("ws4", "--learners", "2")).Exit.Should().Be(0);
        using (var learner = room.Learner(room.KubeconfigOf("ws4", "learner-01"))) (await learner.RunAsync("solve", "120")).Exit.Should().Be(0);
        var record = new ClassroomProgressRecord
        {
            Learner = "learner-01", Lesson = "120", Step = 2, Passed = new Dictionary<string, int[]> { ["110"] = [1, 2], ["120"] = [1, 2] },
        };
        await room.Admin.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = ClassroomNames.ProgressConfigMap },
            Data = new Dictionary<string, string> { [ClassroomNames.ProgressKey] = JsonSerializer.Serialize(record) },
        }, "ws4-learner-01");
        using var cli = room.Instructor();

        var reset = await cli.RunAsync("classroom", "reset", "--name", "ws4", "--learner", "learner-01", "--lesson", "120");

        reset.Exit.Should().Be(0, reset.Error);
        reset.Out.Should().Contain("learner-01: lesson 120 reset");
        (await room.Admin.ListNamespacedDeploymentAsync("ws4-learner-01")).Items.Should().BeEmpty();
        (await room.Admin.ReadNamespacedPodAsync("vote", "ws4-learner-01")).Should().NotBeNull("lesson 120's setup is its bare vote Pod");
        var progress = JsonSerializer.Deserialize<ClassroomProgressRecord>(
            (await room.Admin.ReadNamespacedConfigMapAsync(ClassroomNames.ProgressConfigMap, "ws4-learner-01")).Data[ClassroomNames.ProgressKey])!;
        progress.Passed.Keys.Should().Equal("110");
        progress.Step.Should().Be(1);

        var unknown = await cli.RunAsync("classroom", "reset", "--name", "ws4", "--learner", "nobody", "--lesson", "120");
        var clusterWide = await cli.RunAsync("classroom", "reset", "--name", "ws4", "--all", "--lesson", "101");
        var all = await cli.RunAsync("classroom", "reset", "--name", "ws4", "--all", "--lesson", "130");
        unknown.Exit.Should().Be(2);
        unknown.Error.Should().Contain("classroom ws4 has no learner nobody");
        clusterWide.Exit.Should().Be(2);
        clusterWide.Error.Should().Contain("lesson 101 is not available in a classroom");
        all.Exit.Should().Be(0, all.Error);
        all.Out.Should().Contain("learner-01: lesson 130 reset").And.Contain("learner-02: lesson 130 reset");
        (await room.Admin.ListNamespacedDeploymentAsync("ws4-learner-02")).Items.Select(d => d.Metadata.Name).Should().Contain("vote");
    }

    [Fact]
    public async Task Pace_writes_every_learners_limit_and_a_new_provision_keeps_it()
    {
        (await ProvisionAsync("ws5", "--learners", "2")).Exit.Should().Be(0);
        using var cli = room.Instructor();
        async Task<string?> UnlockTo(string learner) =>
            (await room.Admin.ReadNamespacedConfigMapAsync(ClassroomNames.ClassroomConfigMap, $"ws5-{learner}")).Data is { } data
            && data.TryGetValue(ClassroomNames.UnlockToKey, out var value) ? value : null;

        var pace = await cli.RunAsync("classroom", "pace", "--name", "ws5", "--unlock-to", "160");
        var reprovision = await ProvisionAsync("ws5", "--learners", "3");
        var bad = await cli.RunAsync("classroom", "pace", "--name", "ws5", "--unlock-to", "999");
        var clusterWide = await cli.RunAsync("classroom", "pace", "--name", "ws5", "--unlock-to", "101");
        var nobody = await cli.RunAsync("classroom", "pace", "--name", "empty", "--unlock-to", "160");

        pace.Exit.Should().Be(0, pace.Error);
        pace.Out.Should().Contain("Classroom ws5: lessons up to 160 are open for 2 learners.");
        (await UnlockTo("learner-01")).Should().Be("160");
        (await UnlockTo("learner-02")).Should().Be("160", "provision added learner-03 and left the pace of the others alone");
        reprovision.Out.Should().Contain("1 to add, 2 up to date");
        bad.Exit.Should().Be(2);
        bad.Error.Should().Contain("there is no lesson \"999\"");
        clusterWide.Exit.Should().Be(2);
        nobody.Exit.Should().Be(2);
        nobody.Error.Should().Contain("classroom empty has no learners");

        var lift = await cli.RunAsync("classroom", "pace", "--name", "ws5", "--unlock-to", "all");
        lift.Out.Should().Contain("every lesson is open for 3 learners");
        (await UnlockTo("learner-03")).Should().Be("");
        (await UnlockTo("learner-01")).Should().Be("");
    }

    [Fact]
    public async Task Teardown_removes_exactly_what_provision_created()
    {
        (await ProvisionAsync("ws6", "--learners", "2")).Exit.Should().Be(0);
        (await ProvisionAsync("ws6-other", "--learners", "1")).Exit.Should().Be(0);
        await room.Admin.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "ws6-learner-09" } });
        await room.Admin.CreateNamespaceAsync(new V1Namespace
        {
            Metadata = new V1ObjectMeta { Name = "ws6-lookalike", Labels = new Dictionary<string, string> { [ClassroomNames.ClassroomLabel] = "ws6", [ClassroomNames.LearnerLabel] = "lookalike" } },
        });
        await room.Admin.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "notes" } }, "default");
        await File.WriteAllTextAsync(Path.Combine(room.Out("ws6"), "notes.txt"), "the instructor's own file");
        using var cli = room.Instructor();

        var unconfirmed = await cli.RunAsync("classroom", "teardown", "--name", "ws6", "--out", room.Out("ws6"));
        var stillThere = await room.Admin.ReadNamespaceAsync("ws6-learner-01");
        var teardown = await cli.RunAsync("classroom", "teardown", "--name", "ws6", "--out", room.Out("ws6"), "--yes");
        var again = await cli.RunAsync("classroom", "teardown", "--name", "ws6", "--out", room.Out("ws6"), "--yes");

        unconfirmed.Exit.Should().Be(2);
        unconfirmed.Error.Should().Contain("teardown would delete 2 namespaces of classroom ws6").And.Contain("pass --yes");
        stillThere.Should().NotBeNull();
        teardown.Exit.Should().Be(0, teardown.Error);
        teardown.Out.Should().Contain("Classroom ws6 torn down: 2 namespaces deleted.");
        var names = (await room.Admin.ListNamespaceAsync()).Items.Select(n => n.Metadata.Name).ToList();
        names.Should().NotContain(["ws6-learner-01", "ws6-learner-02"]);
        names.Should().Contain(["ws6-learner-09", "ws6-lookalike", "ws6-other-learner-01", "default"]);
        (await room.Admin.ReadNamespacedConfigMapAsync("notes", "default")).Should().NotBeNull();
        File.Exists(room.KubeconfigOf("ws6", "learner-01")).Should().BeFalse();
        File.Exists(Path.Combine(room.Out("ws6"), "notes.txt")).Should().BeTrue();
        File.Exists(room.KubeconfigOf("ws6-other", "learner-01")).Should().BeTrue();
        again.Exit.Should().Be(0);
        again.Out.Should().Contain("Classroom ws6 has no learners");
    }

    [Fact]
    public async Task A_failure_midway_says_what_was_done_and_running_again_finishes()
    {
        var blocked = Path.Combine(room.Directory, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "a file where the kubeconfig folder should go");
        using var cli = room.Instructor();

        var failed = await cli.RunAsync("classroom", "provision", "--name", "ws7", "--learners", "2", "--out", blocked);
        var finished = await ProvisionAsync("ws7", "--learners", "2");

        failed.Exit.Should().Be(2);
        failed.Error.Should().Contain("tutor: stopped: cannot write the kubeconfig of learner-01");
        failed.Error.Should().Contain("done for learner-01 before it stopped: namespace/ws7-learner-01 created; serviceaccount/tutor-learner created");
        failed.Error.Should().Contain("not done: learner-01, learner-02; run the same command again to finish");
        finished.Exit.Should().Be(0, finished.Error);
        finished.Out.Should().Contain("2 learners: 1 to add, 1 with a new token").And.NotContain("ws7-learner-01: namespace");
        File.Exists(room.KubeconfigOf("ws7", "learner-02")).Should().BeTrue();
    }

    [Fact]
    public async Task A_learners_file_with_bad_lines_is_reported_line_by_line_and_nothing_is_made()
    {
        var file = Path.Combine(room.Directory, "ws9.txt");
        await File.WriteAllTextAsync(file, "ada\nBob Smith\nada\n");

        var result = await ProvisionAsync("ws9", "--learners-file", file);

        result.Exit.Should().Be(2);
        result.Error.Should().Contain($"{file}:2: learner \"Bob Smith\" is not a DNS label").And.Contain($"{file}:3: learner \"ada\" is already listed on line 1");
        (await StatusOf(() => room.Admin.ReadNamespaceAsync("ws9-ada"))).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_namespace_that_is_not_the_classrooms_stops_provision_before_anything_is_made()
    {
        await room.Admin.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "ws8-learner-02" } });

        var result = await ProvisionAsync("ws8", "--learners", "2");

        result.Exit.Should().Be(2);
        result.Error.Should().Contain("namespace ws8-learner-02 already exists and was not created by Tutor").And.Contain("nothing was changed");
        (await StatusOf(() => room.Admin.ReadNamespaceAsync("ws8-learner-01"))).Should().Be(HttpStatusCode.NotFound);
        (await room.Admin.ReadNamespaceAsync("ws8-learner-02")).Metadata.Labels?.Should().NotContainKey(ClassroomNames.ClassroomLabel);
    }
}

using Tutor.Core.Cluster;

namespace Tutor.Core.Tests.Cluster;

public class NamespaceGuardTests
{
    private static readonly Dictionary<string, string> TutorsLabels = new()
    {
        [TutorLabels.ManagedBy] = "tutor",
        [TutorLabels.Learner] = "tutor",
    };

    [Fact]
    public void Labelled_namespace_is_tutors() =>
        NamespaceGuard.Judge("tutor", TutorsLabels).IsTutors.Should().BeTrue();

    [Theory]
    [InlineData("default")]
    [InlineData("kube-system")]
    [InlineData("kube-public")]
    [InlineData("kube-node-lease")]
    public void Cluster_namespaces_are_never_tutors_whatever_their_labels(string name)
    {
        var verdict = NamespaceGuard.Judge(name, TutorsLabels);

        verdict.IsTutors.Should().BeFalse();
        verdict.Reason.Should().Contain(name);
    }

    [Fact]
    public void Managed_by_someone_else_is_not_tutors()
    {
        var verdict = NamespaceGuard.Judge("tutor", new Dictionary<string, string> { [TutorLabels.ManagedBy] = "helm", [TutorLabels.Learner] = "x" });

        verdict.IsTutors.Should().BeFalse();
        verdict.Reason.Should().Contain(TutorLabels.ManagedBy);
    }

    [Fact]
    public void Learner_label_alone_is_not_enough() =>
        NamespaceGuard.Judge("tutor", new Dictionary<string, string> { [TutorLabels.Learner] = "x" }).IsTutors.Should().BeFalse();

    [Fact]
    public void Managed_by_label_alone_is_not_enough()
    {
        var verdict = NamespaceGuard.Judge("tutor", new Dictionary<string, string> { [TutorLabels.ManagedBy] = "tutor" });

        verdict.IsTutors.Should().BeFalse();
        verdict.Reason.Should().Contain(TutorLabels.Learner);
    }

    [Fact]
    public void No_labels_is_not_tutors() => NamespaceGuard.Judge("tutor", null).IsTutors.Should().BeFalse();
}

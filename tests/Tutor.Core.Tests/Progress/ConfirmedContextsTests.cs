using Tutor.Core.Progress;

namespace Tutor.Core.Tests.Progress;

public sealed class ConfirmedContextsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Nothing_is_confirmed_at_first() =>
        new ConfirmedContexts(_dir.Path).IsConfirmed("gke_prod").Should().BeFalse();

    [Fact]
    public void A_confirmation_is_remembered_across_instances()
    {
        new ConfirmedContexts(_dir.Path).Confirm("gke_prod");
        new ConfirmedContexts(_dir.Path).Confirm("arn:aws:eks:eu-west-1:1:cluster/x");
        new ConfirmedContexts(_dir.Path).Confirm("gke_prod");

        var (contexts, warning) = new ConfirmedContexts(_dir.Path).Load();
        warning.Should().BeNull();
        contexts.Should().BeEquivalentTo(["gke_prod", "arn:aws:eks:eu-west-1:1:cluster/x"]);
        new ConfirmedContexts(_dir.Path).IsConfirmed("minikube").Should().BeFalse();
    }

    [Fact]
    public void A_corrupt_file_is_set_aside_and_nothing_counts_as_confirmed()
    {
        var store = new ConfirmedContexts(_dir.Path, new FixedClock(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        File.WriteAllText(store.FilePath, "{ \"contexts\": [ \"gke_prod\" ");
        var (contexts, warning) = store.Load();
        contexts.Should().BeEmpty();
        warning.Should().Contain(store.FilePath).And.Contain("line 1").And.Contain("will ask again");
        File.Exists(store.FilePath + ".corrupt-20250102T030405Z").Should().BeTrue();
    }

    [Fact]
    public void A_wrong_shape_is_also_corrupt()
    {
        var store = new ConfirmedContexts(_dir.Path);
        File.WriteAllText(store.FilePath, "{ \"contexts\": [ 1, 2 ] }");
        store.Load().Warning.Should().Contain("it has no list of context names");
    }
}

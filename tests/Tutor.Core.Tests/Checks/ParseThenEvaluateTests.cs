using Tutor.Core.Checks;
using static Tutor.Core.Tests.Checks.Fixtures;

namespace Tutor.Core.Tests.Checks;

/// <summary>A realistic checks file, parsed and evaluated against a half-finished lesson 130.</summary>
public class ParseThenEvaluateTests
{
    private const string ChecksFile = """
        - title: The vote Deployment has rolled out
          resource: apps/v1 Deployment vote
          rolledOut: true
        - title: The Service selects the vote Pods
          resource: v1 Service vote
          selects: { resource: v1 Pod, min: 2 }
        - title: The Service has 2 ready endpoints
          resource: v1 Service vote
          endpoints: { equals: 2 }
        - title: The vote Pod runs the right image
          resource: v1 Pod vote-2
          match:
            spec:
              containers:
                - name: vote
                  image: { $regex: "^vote:" }
            status: { phase: Running }
        """;

    [Fact]
    public void Each_check_reads_as_the_learner_needs()
    {
        var parsed = CheckParser.Parse(ChecksFile, "manifests/130-services/step-2.checks.yaml");
        parsed.Errors.Should().BeEmpty();

        var snapshot = Snapshot(
            Deployment("vote", 2, 1),
            Service("vote", """{ "app": "vote", "tier": "front" }"""),
            Endpoints("vote", 0),
            ReadyPod("vote-1"),
            WaitingPod("vote-2", "ErrImagePull", image: "vote:v9"));

        var verdicts = CheckEvaluator.EvaluateAll(parsed.Checks, snapshot);

        verdicts.Select(v => v.Passed).Should().Equal(false, false, false, false);
        verdicts[0].Message.Should().Be("Deployment vote has 1/2 ready");
        verdicts[0].Diagnosis.Should().Be("pod vote-2 is waiting: ErrImagePull (image vote:v9 could not be pulled — check the image name and tag)");
        verdicts[1].Diagnosis.Should().Be("selector app=vote,tier=front matches no pods; pods with app=vote have no tier label");
        verdicts[2].Message.Should().Be("expected exactly 2 ready endpoints for Service vote, found 0");
        verdicts[3].Message.Should().Be("expected status.phase to be \"Running\", found \"Pending\"");
        verdicts[3].Diagnosis.Should().StartWith("pod vote-2 is waiting: ErrImagePull");

        parsed.Checks.SelectMany(c => c.Reads).Distinct().Should().BeEquivalentTo(
            [new ResourceKind("apps/v1", "Deployment"), new ResourceKind("v1", "Service"), new ResourceKind("v1", "Endpoints"), new ResourceKind("v1", "Pod"), new ResourceKind("v1", "Event"),
             new ResourceKind("v1", "PersistentVolumeClaim"), new ResourceKind("storage.k8s.io/v1", "StorageClass"), new ResourceKind("v1", "PersistentVolume")]);
    }
}

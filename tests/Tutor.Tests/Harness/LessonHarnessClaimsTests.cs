using Tutor.Core.Checks;
using Tutor.Core.Manifests;
using Tutor.Harness;

namespace Tutor.Tests.Harness;

public class LessonHarnessClaimsTests
{
    private static ManifestObject Only(string yaml) => ManifestReader.Read(yaml, "setup.yaml").Objects.Single();

    [Fact]
    public void A_setup_stateful_set_accounts_for_one_claim_per_template_and_ordinal()
    {
        var set = Only("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 2
              serviceName: db-headless
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec: {containers: [{name: pg, image: "postgres:16-alpine"}]}
              volumeClaimTemplates:
              - metadata: {name: data}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            """);

        LessonHarness.ClaimsOf(set).Select(c => c.Item2).Should().Equal("data-db-0", "data-db-1");
        LessonHarness.ClaimsOf(set).Should().OnlyContain(c => c.Item1 == new ResourceKind("v1", "PersistentVolumeClaim"));
    }

    [Fact]
    public void Other_kinds_account_for_no_claims()
    {
        var config = Only("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: "1"}
            """);

        LessonHarness.ClaimsOf(config).Should().BeEmpty();
    }
}

namespace Tutor.Core.Tests.Catalogue;

/// <summary>A small valid catalogue: two levels, two lessons, the first with two steps.</summary>
internal static class SampleCatalogue
{
    public const string Json = """
        {
          "$schema": "./lessons.schema.json",
          "levels": [
            { "id": 100, "title": "Deploying apps", "summary": "Pods, Deployments, Services." },
            { "id": 200, "title": "Shared clusters" }
          ],
          "lessons": [
            {
              "id": "120",
              "level": 100,
              "title": "Deployments",
              "minutes": 15,
              "text": "lessons/120-deployments.md",
              "requires": { "clusterWide": false, "addons": ["metrics-server"] },
              "setup": ["manifests/120-deployments/setup.yaml"],
              "steps": [
                {
                  "title": "Replace the Pod with a Deployment",
                  "section": "Step 1 — Replace the Pod with a Deployment",
                  "manifest": "manifests/120-deployments/step-1.yaml",
                  "solution": "manifests/120-deployments/step-1.solution.yaml",
                  "removes": ["v1 Pod vote"],
                  "checks": "manifests/120-deployments/step-1.checks.yaml",
                  "hints": ["First hint.", "Second hint."],
                  "timeoutSeconds": 90,
                  "starterRefused": true
                },
                {
                  "title": "Scale to three",
                  "section": "Step 2 — Scale to three",
                  "checks": "manifests/120-deployments/step-2.checks.yaml"
                }
              ]
            },
            {
              "id": "210",
              "level": 200,
              "title": "Quotas",
              "minutes": 10,
              "text": "lessons/210-quotas.md",
              "steps": [
                { "title": "Look", "section": "Step 1 — Look", "checks": "manifests/210-quotas/step-1.checks.yaml" }
              ]
            }
          ]
        }
        """;
}

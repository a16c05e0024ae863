using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>Runs what the API server does to an object before it is stored: name checks, defaults, validation.</summary>
public sealed class AdmissionChain(IReadOnlyList<IAdmissionRule> rules)
{
    public static AdmissionChain Standard(ObjectStore store) => new(
    [
        new NamespaceRule(), new PodRule(), new WorkloadRule(), new JobRule(), new ServiceRule(store), new SecretRule(), new DefaultStorageClassRule(store),
        new IngressRule(), new NetworkPolicyRule(), new HorizontalPodAutoscalerRule(), new PodDisruptionBudgetRule(), new PersistentVolumeClaimRule(),
    ]);

    /// <summary>This chain with one more rule at its end.</summary>
    public AdmissionChain With(IAdmissionRule rule) => new([.. rules, rule]);

    /// <summary>Defaults and validates <paramref name="obj"/> in place; throws a 422 <see cref="ApiError"/> listing every problem.</summary>
    public void Admit(ResourceType type, JsonObject obj, JsonObject? old)
    {
        // Rules read the kind; a body may leave it out when the URL already says it.
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        var applicable = rules.Where(r => r.AppliesTo(type)).ToList();
        foreach (var rule in applicable) rule.Default(obj, old);

        var causes = new List<FieldCause>();
        var name = Json.Text(obj["metadata"]?["name"]) ?? "";
        if (name.Length == 0) causes.Add(FieldCause.Required("metadata.name"));
        else if (NameRules.ProblemFor(type, name) is { } problem)
            causes.Add(new FieldCause("metadata.name", $"Invalid value: \"{name}\": {problem}"));
        if (causes.Count == 0)
            foreach (var rule in applicable) rule.Validate(obj, old, causes);
        if (causes.Count > 0)
            throw ApiError.Invalid(type.Group.Length == 0 ? type.Kind : $"{type.Kind}.{type.Group}", name, causes);
    }
}

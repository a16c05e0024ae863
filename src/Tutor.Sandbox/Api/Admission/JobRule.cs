using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>Jobs and CronJobs: pods that end, so restartPolicy must be Never or OnFailure.</summary>
public sealed class JobRule : IAdmissionRule
{
    public bool AppliesTo(ResourceType type) => type == ResourceTypes.Job || type == ResourceTypes.CronJob;

    public void Default(JsonObject obj, JsonObject? old)
    {
        var jobSpec = JobSpec(obj);
        if (jobSpec is null) return;
        Json.Default(jobSpec, "backoffLimit", 6);
        Json.Default(jobSpec, "completions", 1);
        Json.Default(jobSpec, "parallelism", 1);
        if (jobSpec["template"]?["spec"] is JsonObject podSpec) PodSpecRules.Default(podSpec, restartPolicy: "Never");
        if (Json.Text(obj["kind"]) == "CronJob" && obj["spec"] is JsonObject cron)
        {
            Json.Default(cron, "concurrencyPolicy", "Allow");
            Json.Default(cron, "suspend", false);
            Json.Default(cron, "successfulJobsHistoryLimit", 3);
            Json.Default(cron, "failedJobsHistoryLimit", 1);
        }
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        var isCron = Json.Text(obj["kind"]) == "CronJob";
        var prefix = isCron ? "spec.jobTemplate.spec" : "spec";
        var jobSpec = JobSpec(obj);
        if (isCron) ValidateSchedule(obj["spec"] as JsonObject, causes);
        var podSpec = jobSpec?["template"]?["spec"] as JsonObject;
        PodSpecRules.Validate(podSpec, $"{prefix}.template.spec", causes);
        // A Job's pods are fixed once it runs; a CronJob's template only shapes Jobs not yet made.
        if (!isCron && old is not null && !JsonNode.DeepEquals(old["spec"]?["template"], jobSpec?["template"]))
            causes.Add(new FieldCause("spec.template", $"Invalid value: {jobSpec?["template"]?.ToJsonString() ?? "null"}: field is immutable"));
        if (!isCron && old is not null && Json.Integer(old["spec"]?["completions"]) != Json.Integer(jobSpec?["completions"]))
            causes.Add(new FieldCause("spec.completions", $"Invalid value: {jobSpec?["completions"]?.ToJsonString() ?? "null"}: field is immutable"));
        if (Json.Text(podSpec?["restartPolicy"]) == "Always")
            causes.Add(FieldCause.NotSupported($"{prefix}.template.spec.restartPolicy", "Always", ["OnFailure", "Never"]));
    }

    private static void ValidateSchedule(JsonObject? spec, List<FieldCause> causes)
    {
        var schedule = Json.Text(spec?["schedule"]);
        if (string.IsNullOrWhiteSpace(schedule)) causes.Add(FieldCause.Required("spec.schedule"));
        else if (schedule.Contains("TZ=", StringComparison.Ordinal))
            causes.Add(new FieldCause("spec.schedule", $"Invalid value: \"{schedule}\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
        else if (Controllers.CronSchedule.Parse(schedule, out var error) is null)
            causes.Add(new FieldCause("spec.schedule", $"Invalid value: \"{schedule}\": {error}"));
        if (Json.Text(spec?["timeZone"]) is { } zone && Controllers.CronJobController.Zone(zone) is null)
            causes.Add(new FieldCause("spec.timeZone", $"Invalid value: \"{zone}\": unknown time zone {zone}"));
    }

    private static JsonObject? JobSpec(JsonObject obj) =>
        Json.Text(obj["kind"]) == "CronJob" ? obj["spec"]?["jobTemplate"]?["spec"] as JsonObject : obj["spec"] as JsonObject;
}

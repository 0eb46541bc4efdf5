using OpenFeature;
using OpenFeature.Error;
using OpenFeature.Model;

namespace PrivacyHoldout115.Healthcare;

public sealed record PortalPatient(string PortalAccountId, string HospitalNumber, string Email, string GpPracticeCode, int Age);

/// <summary>
/// Gates the patient portal's features (online repeat prescriptions, the new letters view) behind
/// OpenFeature flags evaluated for the signed-in patient.
/// </summary>
public sealed class PortalFeatureGate(IFeatureClient flags, Pseudonymizer pseudonymizer, ILogger<PortalFeatureGate> logger)
{
    private static readonly ActivitySource Source = new("Trust.Portal.Flags");
    private static readonly Meter Meter = new("Trust.Portal.Flags");
    private static readonly Counter<long> Denied = Meter.CreateCounter<long>("portal.feature.denied");

    public async Task<bool> CanRequestRepeatPrescriptionAsync(PortalPatient patient, CancellationToken ct)
    {
        var context = EvaluationContext.Builder()
            .SetTargetingKey(patient.PortalAccountId)
            .Set("gpPractice", patient.GpPracticeCode)
            .Set("ageBand", patient.Age >= 65 ? "65+" : "18-64")
            .Set("email", patient.Email)
            .Build();

        using var span = Source.StartCareflagEvaluate("online-repeat-prescriptions");
        var started = Stopwatch.GetTimestamp();
        var details = await flags.GetBooleanDetailsAsync("online-repeat-prescriptions", false, context, ct);
        Meter.CreateCareflagEvaluationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, details.FlagKey); // clean generated-api

        span.SetCareflagVariant(details.Variant ?? "default").SetCareflagReason(details.Reason ?? Reason.Default); // clean generated-api
        span.SetCareflagSubjectId(pseudonymizer.PseudonymizeCareflagSubjectId(patient.PortalAccountId)); // clean precision-pseudonym
        span.SetCareflagSegment(patient.GpPracticeCode); // clean precision-names
        Activity.Current?.SetTag("portal.account", patient.PortalAccountId); // leak TC1001 direct
        Activity.Current?.SetTag("portal.context.attributes", string.Join(",", context.Keys)); // clean precision-names
        Activity.Current?.SetTag("portal.context.email_domain", patient.Email[(patient.Email.IndexOf('@') + 1)..]); // clean precision-about

        logger.LogDebug("Evaluated {Flag} for {Context}", details.FlagKey, context); // clean logging-objects
        logger.LogDebug("Evaluation details {Details}", details); // clean logging-objects
        logger.LogDebug("Evaluation context {@Context}", context.AsDictionary().ToDictionary(p => p.Key, p => p.Value.AsObject)); // leak TC1001 logging-objects

        if (!details.Value)
        {
            Denied.Add(1, new KeyValuePair<string, object?>("flag", details.FlagKey), new KeyValuePair<string, object?>("practice", patient.GpPracticeCode)); // clean precision-names
            logger.LogInformation("Repeat prescriptions not yet open to patient {HospitalNumber} at practice {Practice}", patient.HospitalNumber, patient.GpPracticeCode); // leak TC1001 direct
        }
        return details.Value;
    }

    public async Task<string> LettersViewAsync(PortalPatient patient, CancellationToken ct)
    {
        var context = EvaluationContext.Builder().SetTargetingKey(patient.PortalAccountId).Set("gpPractice", patient.GpPracticeCode).Build();
        try
        {
            var details = await flags.GetStringDetailsAsync("letters-view", "classic", context, ct);
            Activity.Current?.AddCareflagExposureEvent("exp-letters-2025", details.Value, pseudonymizer.PseudonymizeCareflagSubjectId(patient.PortalAccountId)); // clean precision-pseudonym
            Activity.Current?.AddCareflagExposureEvent("exp-letters-2025", details.Value, careflagNote: $"exposed {patient.HospitalNumber}"); // leak TC1001 generated-api
            return details.Value;
        }
        catch (FeatureProviderException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Letters view flag failed with {ErrorType}; serving classic", ex.ErrorType); // clean exceptions
            return "classic";
        }
    }
}

/// <summary>The portal's guard for a feature the safety officer has switched off; its message names the patient for the support desk.</summary>
public sealed class FeatureUnavailableException(string hospitalNumber, string feature)
    : Exception($"Patient {hospitalNumber} asked for {feature}, which is switched off")
{
    public string Feature { get; } = feature;
}

public sealed class PortalKillSwitchGuard(IFlagStore store, ILogger<PortalKillSwitchGuard> logger)
{
    public async Task EnsureAvailableAsync(string hospitalNumber, string feature, CancellationToken ct)
    {
        var kill = await store.GetKillSwitchAsync(feature, ct);
        if (kill is { Engaged: true })
        {
            var ex = new FeatureUnavailableException(hospitalNumber, feature);
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            logger.LogInformation("Feature {Feature} unavailable: {Reason}", ex.Feature, kill.Reason); // clean exceptions
            throw ex;
        }
    }
}

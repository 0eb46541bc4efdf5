namespace PrivacyHoldout159.Healthcare;

// Consumes the hospital's discharge feed so that emergency proxies of discharged patients are cancelled before polling day.
public sealed class BedsideBallotConsumer(
    IConsumer<string, InpatientVoter> discharges,
    ILogger<BedsideBallotConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter)
{
    private readonly Counter<long> cancelled = meter.CreateCounter<long>("proxy.cancelled");
    private readonly Dictionary<string, int> cancellationsByWard = new();

    public void Poll(CancellationToken cancellationToken)
    {
        var result = discharges.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        // The discharge topic is keyed by NHS number.
        var patient = result.Message.Value;
        using var activity = new ActivitySource("Council.Elections.Discharges").StartActivity("discharge");
        activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
        activity?.SetTag("discharge.ward", patient.HospitalWard); // clean precision-about
        activity?.AddEvent(new ActivityEvent("discharged", tags: new ActivityTagsCollection { ["nhs_number"] = patient.NhsNumber })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("proxy.cancelled", tags: new ActivityTagsCollection { ["ward"] = patient.HospitalWard })); // clean precision-about
        OpenTelemetry.Baggage.SetBaggage("elector.pseudonym", pseudonymizer.ComputeProxyvoteElectorId(patient.ElectorNumber)); // clean precision-pseudonym
        OpenTelemetry.Baggage.SetBaggage("elector.number", patient.ElectorNumber); // leak TC1001 direct

        cancellationsByWard[patient.HospitalWard] = cancellationsByWard.GetValueOrDefault(patient.HospitalWard) + 1;
        cancelled.Add(1, new KeyValuePair<string, object?>("hospital_ward", patient.HospitalWard)); // clean precision-about
        cancelled.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeProxyvoteElectorId(patient.ElectorNumber))); // leak TC1003 precision-pseudonym
        cancelled.Add(1, new KeyValuePair<string, object?>("bucket", Bucket(patient.NhsNumber))); // clean hashes
        activity?.SetTag("discharge.patient.hash", patient.NhsNumber.GetHashCode()); // leak TC1002 hashes
        logger.LogInformation("Proxy cancelled for {Patient}", Describe(patient)); // leak TC1001 strings
        logger.LogInformation("Discharge processed: {Summary}", Summary(patient)); // clean strings

        using (logger.BeginScope(new Dictionary<string, object> { ["HospitalNumber"] = patient.HospitalNumber })) // leak TC1001 direct
        {
            logger.LogDebug("Cancelling postal fallback");
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["HospitalWard"] = patient.HospitalWard })) // clean precision-about
        {
            logger.LogDebug("Ward tally updated");
        }

        discharges.Commit(result);
    }

    public void Flush()
    {
        foreach (var (ward, count) in cancellationsByWard)
        {
            logger.LogInformation("Ward {Ward} cancelled {Count} proxies", ward, count); // clean cross-member
        }
    }

    private static string Describe(InpatientVoter patient) => $"{patient.FullName} ({patient.HospitalNumber})";

    private static string Summary(InpatientVoter patient) => $"ward {patient.HospitalWard}, elector on register: {patient.ElectorNumber.Length > 0}";

    private int Bucket(string value)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(value))[0] % 16;
    }
}

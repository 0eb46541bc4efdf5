namespace PrivacyHoldout122.Energy;

/// <summary>A premises' meter as the industry registry lists it.</summary>
public sealed record RegisteredMeter(string Mpan, string MeterSerial, string Postcode, string MeterType);

/// <summary>Audits sign-ups whose declared meter does not match the registry, for the onboarding team's weekly review.</summary>
public sealed class MeterMatchAudit(TelemetrySecrets secrets, ActivitySource source, ILogger<MeterMatchAudit> logger)
{
    public void Audit(IReadOnlyList<(SupplySignup Signup, RegisteredMeter Registered)> mismatches)
    {
        using var activity = source.StartActivity("signup.meter_audit");
        activity?.SetTag("audit.mismatches", mismatches.Count); // clean precision-about
        activity?.SetTag("audit.meter_types", string.Join(",", mismatches.Select(m => m.Registered.MeterType).Distinct())); // clean strings
        activity?.SetTag("audit.serials", string.Join(",", mismatches.Select(m => m.Registered.MeterSerial))); // leak TC1001 strings
        foreach (var (signup, registered) in mismatches)
        {
            var pair = (Declared: signup.MeterSerial, Registered: registered.MeterSerial);
            logger.LogInformation("Mismatch {Pair} in {Region}", pair, signup.Region); // leak TC1001 cross-member
            logger.LogInformation("Mismatch for MPAN {Mpan}", registered.Mpan); // leak TC1001 cross-member
            activity?.AddEvent(new ActivityEvent("meter.mismatch", tags: new ActivityTagsCollection { ["meter.fingerprint"] = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(registered.MeterSerial))) })); // leak TC1002 hashes
            activity?.AddEvent(new ActivityEvent("meter.mismatch.keyed", tags: new ActivityTagsCollection { ["meter.bucket"] = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(registered.MeterSerial)))[..2] })); // clean hashes
        }
    }
}

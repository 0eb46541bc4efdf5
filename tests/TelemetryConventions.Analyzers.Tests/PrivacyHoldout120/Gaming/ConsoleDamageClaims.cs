namespace PrivacyHoldout120.Gaming;

public sealed record DamageClaimForm(Guid PlayerId, string Gamertag, string PolicyNumber, string ConsoleSerial, string Damage, string Description, IReadOnlyList<string> PhotoNames, string ShippingPostcode);

public sealed record ClaimVelocity(int ClaimsOnAccount, int ClaimsOnSerial, int AccountsOnPostcode);

/// <summary>Console damage and theft claims from the support site, with the assessor assignment and the fraud checks.</summary>
public sealed class ConsoleDamageClaims(
    IClaimsApi claims,
    ISiuClient siu,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    CoverOptions options,
    ILogger<ConsoleDamageClaims> logger)
{
    private static readonly ActivitySource Source = new("Store.ConsoleCare.Claims");
    private static readonly Meter Meter = new("Store.ConsoleCare.Claims");
    private static readonly DevicecareClaimDurationHistogram Duration = Meter.CreateDevicecareClaimDurationHistogram();
    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>("consolecare.fraud.referrals");

    public async Task<string> ClaimAsync(DamageClaimForm form, ClaimVelocity velocity, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var intake = await claims.SubmitFnolAsync(new FirstNoticeOfLoss(form.PolicyNumber, DateTimeOffset.UtcNow, form.Damage, form.Description, form.Gamertag, "n/a"), ct);
        using var span = Source.StartDevicecareClaim(intake.ClaimId);
        span.SetDevicecarePeril(form.Damage) // clean generated-api
            .SetDevicecarePlayerId(pseudonymizer.PseudonymizeDevicecarePlayerId(form.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("claim.photos", form.PhotoNames.Count); // clean precision-about
        span.Activity?.SetTag("claim.photo.names", string.Join("|", form.PhotoNames)); // leak TC1001 strings
        span.Activity?.SetTag("claim.description.words", form.Description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        span.Activity?.SetTag("claim.velocity", $"{velocity.ClaimsOnAccount}/{velocity.ClaimsOnSerial}/{velocity.AccountsOnPostcode}"); // clean strings
        logger.LogInformation("Velocity {Velocity} for claim {ClaimId}", velocity, intake.ClaimId); // clean logging-objects

        var indicators = new List<FraudIndicator>();
        if (velocity.ClaimsOnSerial > 1)
        {
            indicators.Add(new FraudIndicator("SERIAL-REPEAT", 0.5, $"serial {form.ConsoleSerial} claimed {velocity.ClaimsOnSerial} times"));
        }

        if (velocity.AccountsOnPostcode > 3)
        {
            indicators.Add(new FraudIndicator("POSTCODE-RING", 0.4, $"{velocity.AccountsOnPostcode} accounts ship to {form.ShippingPostcode}"));
        }

        var score = Math.Min(1.0, indicators.Sum(i => i.Weight));
        span.SetDevicecareRiskScore(score); // clean generated-api
        var serialKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(form.ConsoleSerial)));
        span.Activity?.SetTag("claim.serial.key", serialKey); // leak TC1002 hashes
        var serialShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(form.ConsoleSerial))[0] % 16;
        span.Activity?.SetTag("claim.serial.shard", serialShard); // clean hashes

        if (score >= options.FraudReferralThreshold)
        {
            var referral = new FraudReferral(intake.ClaimId, score, indicators, "consolecare-rules");
            var caseRef = await siu.ReferAsync(referral, ct);
            span.SetDevicecareDecision(DevicecareDecision.Refer).SetDevicecareOutcome("siu"); // clean generated-api
            span.SetDevicecareNote(string.Join("; ", indicators.Select(i => i.Detail))); // leak TC1001 generated-api
            logger.LogWarning("Claim {ClaimId} referred as {Case}: {Referral}", intake.ClaimId, caseRef, referral); // clean logging-objects
            Referrals.Add(1, new KeyValuePair<string, object?>("rules", string.Join("+", indicators.Select(i => i.Code)))); // clean strings
            Referrals.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizeDevicecarePlayerId(form.PlayerId.ToString()).Value)); // leak TC1003 precision-pseudonym
        }

        if (intake.AssignedAdjuster is not null)
        {
            span.SetDevicecareAgentId(pseudonymizer.PseudonymizeDevicecareAgentId(intake.AssignedAdjuster.StaffId)); // clean precision-pseudonym
            logger.LogInformation("Assessor {Email} takes claim {ClaimId}", intake.AssignedAdjuster.Email, intake.ClaimId); // leak TC1001 direct
        }

        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, form.Damage, intake.Status); // clean generated-api
        return intake.ClaimId;
    }
}

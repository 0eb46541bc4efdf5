namespace PrivacyHoldout119.Healthcare;

/// <summary>An SMS the trust's messaging gateway would send.</summary>
public sealed record SmsMessage(string To, string Body);

public interface ISmsGateway
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Texts patients whose wellbeing points expire next month, and records who was told.</summary>
public sealed class WellbeingExpiryNotifier(IPointsLedger ledger, IMemberDirectory members, ISmsGateway sms, Pseudonymizer pseudonymizer, ILogger<WellbeingExpiryNotifier> logger)
{
    private const string Programme = "wellbeing-rewards";
    private static readonly ActivitySource Source = new("Trust.Pharmacy.Expiry");
    private static readonly Meter Meter = new("Trust.Pharmacy.Expiry");
    private static readonly Counter<long> Texts = Meter.CreateCounter<long>("carerwd.expiry.texts");

    public async Task NotifyAsync(DateOnly cutoff, CancellationToken cancellationToken)
    {
        using var span = Source.StartCarerwdAccrue(Programme).SetCarerwdOutcome("expiry-notice"); // clean generated-api
        var told = new List<string>();
        await foreach (var notice in ledger.ExpiringAsync(Programme, cutoff, cancellationToken))
        {
            var member = await members.FindAsync(notice.MemberNumber, cancellationToken);
            if (member?.Mobile is not { } mobile)
            {
                logger.LogInformation("No mobile for {HospitalNumber}, {Points} points expire {ExpiresOn}", notice.MemberNumber, notice.Points, notice.ExpiresOn); // leak TC1001 direct
                continue;
            }

            var message = new SmsMessage(mobile, $"Hi {member.FirstName}, {notice.Points} wellbeing points expire on {notice.ExpiresOn:d MMM}.");
            await sms.SendAsync(message, cancellationToken);
            told.Add(notice.MemberNumber);
            Texts.Add(1, new KeyValuePair<string, object?>("mobile_prefix", mobile[..3])); // clean precision-about
            logger.LogDebug("Sent {Sms}", message); // leak TC1001 logging-objects
            logger.LogDebug("Sent text of {Length} characters", message.Body.Length); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("carerwd.expiry.texted", tags: new ActivityTagsCollection { ["body"] = message.Body })); // leak TC1001 strings
        }

        span.SetCarerwdEntryCount(told.Count); // clean precision-about
        span.SetCarerwdNote("told: " + string.Join(",", told)); // leak TC1001 generated-api
        logger.LogCarerwdLedgerFailedEvent(Programme, "expiry-notice", null, $"{told.Count} patients texted, first {told.FirstOrDefault()}"); // leak TC1001 generated-api
        logger.LogInformation("Told {Patients}", told.Select(t => pseudonymizer.ComputeCarerwdMemberId(t)).ToList()); // clean precision-pseudonym
        Activity.Current?.SetTag("carerwd.expiry.told_md5", string.Join(",", told.Select(t => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(t)))[..8]))); // leak TC1002 hashes
    }
}

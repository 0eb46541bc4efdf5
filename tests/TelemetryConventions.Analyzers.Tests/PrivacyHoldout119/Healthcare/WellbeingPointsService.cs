namespace PrivacyHoldout119.Healthcare;

/// <summary>An activity from the trust's wellbeing app or a prescription collected at an outpatient pharmacy.</summary>
public sealed record WellbeingActivity(string HospitalNumber, string Kind, int Units, string Source, DateTimeOffset At);

/// <summary>
/// Posts wellbeing points to the patient's ledger: step goals, clinic attendance and prescription
/// collection earn points; the engine's idempotency key stops a retried message from paying twice.
/// </summary>
public sealed class WellbeingPointsService(
    IPointsLedger ledger,
    IMemberDirectory members,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<WellbeingPointsService> logger)
{
    private const string Programme = "wellbeing-rewards";
    private static readonly ActivitySource Source = new("Trust.Pharmacy.Rewards");
    private static readonly Meter Meter = new("Trust.Pharmacy.Rewards");
    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>("carerwd.postings.rejected");

    public async Task<PostingResult?> PostAsync(WellbeingActivity activity, CancellationToken cancellationToken)
    {
        var points = activity.Kind switch
        {
            "steps" => activity.Units / 1000,
            "clinic-attended" => 50,
            "prescription-collected" => 10,
            _ => 0,
        };
        var idempotencyKey = $"{activity.Source}:{activity.HospitalNumber}:{activity.At:yyyyMMddHHmm}";

        using var span = Source.StartCarerwdAccrue(Programme)
            .SetCarerwdMemberId(pseudonymizer.PseudonymizeCarerwdMemberId(activity.HospitalNumber)) // clean precision-pseudonym
            .SetCarerwdCampaign(activity.Kind) // clean precision-names
            .SetCarerwdPoints(points); // clean precision-about
        span.Activity?.SetTag("carerwd.idempotency_key", idempotencyKey); // leak TC1001 strings
        span.Activity?.SetTag("carerwd.activity.source", activity.Source); // clean precision-names

        if (points == 0)
        {
            logger.LogInformation("Activity kind {Kind} earns nothing for {HospitalNumber}", activity.Kind, activity.HospitalNumber); // leak TC1001 direct
            return null;
        }

        try
        {
            var result = await ledger.PostAsync(new PostingRequest { IdempotencyKey = idempotencyKey, MemberNumber = activity.HospitalNumber, Points = points, Reason = activity.Kind, Source = activity.Source }, cancellationToken);
            span.SetCarerwdOutcome(result.Duplicate ? "duplicate" : "posted"); // clean precision-about
            logger.LogDebug("Posted {@Result}", result); // clean logging-objects
            logger.LogInformation("Ledger entry {EntryId} now at {Balance} points", result.EntryId, result.NewBalance); // clean precision-names
            return result;
        }
        catch (DuplicatePostingException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogInformation("Duplicate posting for activity kind {Kind}: {ExceptionType}", activity.Kind, ex.GetType().Name); // clean exceptions
            return null;
        }
        catch (MemberNotFoundException ex)
        {
            Rejected.Add(1, new KeyValuePair<string, object?>("reason", "no-member"), new KeyValuePair<string, object?>("source", activity.Source)); // clean precision-names
            logger.LogCarerwdLedgerFailedEvent(Programme, "no-member", null, ex.Message); // leak TC1001 generated-api
            return null;
        }
    }

    /// <summary>Looks the patient up by the card the pharmacy scanned and tags the shard the ledger lives on.</summary>
    public async Task<PointsBalance?> BalanceForCardAsync(string cardNumber, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("carerwd.balance");
        var member = await members.FindByCardAsync(cardNumber, cancellationToken);
        if (member is null)
        {
            activity?.SetTag("carerwd.card.last4", cardNumber[^4..]); // clean precision-about
            activity?.SetTag("carerwd.card.sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(cardNumber)))); // leak TC1002 hashes
            return null;
        }

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(member.MemberNumber))[0] % 16;
        activity?.SetTag("carerwd.ledger.shard", shard); // clean hashes
        activity?.SetTag("carerwd.tier", member.TierCode); // clean precision-names
        activity?.SetTag("carerwd.member.email_domain", member.Email.Split('@')[1]); // clean precision-about
        var balance = await ledger.BalanceAsync(member.MemberNumber, cancellationToken);
        logger.LogInformation("Balance {@Balance} for member {Member}", balance, member); // leak TC1001 logging-objects
        return balance;
    }
}

namespace PrivacyHoldout133.Media;

/// <summary>A pledge taken by a phone volunteer during the telethon, as the call centre app queues it.</summary>
public sealed record Pledge(string PledgeId, string OperatorId, string SupporterId, string SupporterName, string Phone, string Postcode, decimal Amount, bool GiftAid, bool Monthly, string Region);

public sealed partial class TelethonPledgeConsumer(
    IQueueReceiver<Pledge> queue,
    IDonationLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<TelethonPledgeConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcast.Telethon");
    private static readonly Meter Meter = new("Broadcast.Telethon");
    private static readonly Counter<double> Pledged = Meter.CreateCounter<double>("broadcast.telethon.pledged", "GBP");
    private static readonly Counter<long> PledgesPerOperator = Meter.CreateCounter<long>("broadcast.telethon.pledges");

    private Pledge? _largestPledge;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } pledge)
        {
            await HandleAsync(pledge, stoppingToken);
        }
    }

    private async Task HandleAsync(Pledge pledge, CancellationToken cancellationToken)
    {
        using var span = Source.StartAppealTask(appealProgramme: "telethon-2025");
        span.SetAppealSite(pledge.Region); // clean precision-about
        span.SetAppealAmount((double)pledge.Amount); // clean precision-about
        span.SetAppealSupporterId(pseudonymizer.PseudonymizeAppealSupporterId(pledge.SupporterId)); // clean precision-pseudonym
        span.SetAppealVolunteerId(pseudonymizer.PseudonymizeAppealVolunteerId(pledge.OperatorId)); // clean precision-pseudonym
        span.Activity?.SetTag("pledge.id", pledge.PledgeId); // clean precision-names
        span.Activity?.SetTag("pledge.monthly", pledge.Monthly); // clean precision-about
        span.Activity?.SetTag("pledge.supporter", pledge.SupporterName); // leak TC1001 direct
        span.Activity?.SetTag(AppealAttributes.Contact, pledge.Phone); // leak TC1001 generated-api
        Pledged.Add((double)pledge.Amount, new KeyValuePair<string, object?>("region", pledge.Region), new KeyValuePair<string, object?>("gift_aid", pledge.GiftAid)); // clean precision-about
        PledgesPerOperator.Add(1, new KeyValuePair<string, object?>("operator", pledge.OperatorId)); // leak TC1003 direct

        LogPledge(logger, pledge.PledgeId, pledge.Amount, pledge.Phone); // leak TC1001 direct
        logger.LogInformation("Pledge {Pledge} taken", pledge); // leak TC1001 logging-objects
        logger.LogInformation("Pledge from {PhoneCountry} number, {Digits} digits", pledge.Phone[..3], pledge.Phone.Length); // clean precision-about

        if (_largestPledge is null || pledge.Amount > _largestPledge.Amount)
        {
            _largestPledge = pledge;
        }

        try
        {
            await ledger.RecordAsync(new Donation(pledge.PledgeId, pledge.SupporterId, pledge.Amount, "GBP", pledge.GiftAid, "telethon-2025"), cancellationToken);
        }
        catch (ClaimLineRejectedException ex)
        {
            logger.LogError(ex, "Gift Aid line rejected ({ErrorCode})", ex.ErrorCode); // leak TC1001 exceptions
            span.SetAppealOutcome(ex.ErrorCode); // clean exceptions
        }
        catch (CardDeclinedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, $"declined: {ex.DeclineCode}"); // clean exceptions
        }
    }

    public void OnAir()
    {
        using var activity = Source.StartActivity("telethon.on_air_total");
        activity?.SetTag("telethon.largest.amount", (double?)_largestPledge?.Amount); // clean cross-member
        activity?.SetTag("telethon.largest.region", _largestPledge?.Region); // clean cross-member
        activity?.AddEvent(new ActivityEvent("telethon.shout_out", tags: new ActivityTagsCollection { ["name"] = _largestPledge?.SupporterName })); // leak TC1001 cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} of {Amount} from {Phone}")]
    private static partial void LogPledge(ILogger logger, string pledgeId, decimal amount, string phone);
}

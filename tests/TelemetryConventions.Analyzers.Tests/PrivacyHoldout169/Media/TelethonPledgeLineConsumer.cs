namespace PrivacyHoldout169.Media;

/// <summary>Consumes the pledges the appeal night's call centre takes by phone.</summary>
public sealed class TelethonPledgeLineConsumer(
    IConsumer<string, TelethonPledge> consumer,
    ICardGateway gateway,
    Pseudonymizer pseudonymizer,
    ILogger<TelethonPledgeLineConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("AppealTv.PledgeLine");
    private static readonly Meter Meter = new("AppealTv.PledgeLine");
    private static readonly Histogram<double> PledgeSize = Meter.CreateHistogram<double>("appealtv.pledge.size", "GBP");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            await HandleAsync(result.Message.Value, result.Message.Headers, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(TelethonPledge pledge, Dictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var operation = Source.StartAppealtvOperation("uk").SetAppealtvAppeal("appeal-night"); // clean generated-api
        var activity = operation.Activity;
        activity?.SetTag("pledge.id", pledge.PledgeId); // clean direct
        activity?.SetTag("pledge.agent_desk", headers.GetValueOrDefault("desk")); // clean direct
        activity?.SetTag("pledge.caller_phone", pledge.Phone); // leak TC1001 direct
        activity?.SetTag("pledge.caller_phone_prefix", pledge.Phone[..3]); // clean precision-about
        PledgeSize.Record((double)pledge.Amount, new KeyValuePair<string, object?>("postcode_area", new string(pledge.Postcode.TakeWhile(char.IsLetter).ToArray()))); // clean precision-about
        logger.LogInformation("Pledge {PledgeId} of {Amount} from {Caller}", pledge.PledgeId, pledge.Amount, pledge.CallerName); // leak TC1001 direct
        var label = string.Concat(pledge.CallerName.Split(' ').Last(), "/", pledge.Postcode);
        operation.SetAppealtvNote(label); // leak TC1001 generated-api
        operation.SetAppealtvPledgeCount(1); // clean generated-api

        try
        {
            var charge = await gateway.ChargeAsync(headers["payment-token"], pledge.Amount, cancellationToken);
            logger.LogInformation("Pledge {PledgeId} charged: {@Charge}", pledge.PledgeId, charge); // clean logging-objects
        }
        catch (CardDeclinedException ex)
        {
            logger.LogWarning(ex, "Pledge {PledgeId} declined", pledge.PledgeId); // clean exceptions
            logger.LogAppealtvOperationFailedEvent("uk", "declined", default, $"pledge {pledge.PledgeId} card declined"); // clean generated-api
            logger.LogWarning("Call back {Caller} on {Phone}", pledge.CallerName, pledge.Phone); // leak TC1001 direct
            operation.SetAppealtvOutcome(ex.Message); // clean exceptions
            logger.LogAppealtvOperationFailedEvent("uk", "callback", default, pledge.CallerName); // leak TC1001 generated-api
            return;
        }
        logger.LogDebug("Pledge taken {Pledge}", pledge); // leak TC1001 logging-objects
        var callerKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(pledge.Phone)))[..12];
        activity?.SetTag("pledge.caller_key", callerKey); // leak TC1002 hashes
        var donor = pseudonymizer.PseudonymizeAppealtvDonorId(pledge.Phone);
        operation.SetAppealtvDonorId(donor); // clean precision-pseudonym
    }
}

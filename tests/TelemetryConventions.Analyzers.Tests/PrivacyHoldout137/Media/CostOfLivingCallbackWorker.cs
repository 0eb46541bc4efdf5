namespace PrivacyHoldout137.Media;

/// <summary>A viewer's callback request from the broadcaster's cost-of-living programme page.</summary>
public sealed record CallbackRequest(
    string RequestId,
    string ViewerName,
    string Phone,
    string? EnergyAccountNumber,
    bool OnPrepayment,
    decimal EstimatedArrears,
    string Programme,
    string Region,
    string WhatsWorrying);

public sealed record AdviserAssignment(string AdviserStaffId, string AdviserName, DateTimeOffset CallAt);

public interface ICallbackQueue
{
    Task<CallbackRequest?> DequeueAsync(CancellationToken cancellationToken);

    Task<AdviserAssignment> AssignAsync(CallbackRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Routes the callbacks viewers ask for after the broadcaster's energy bills special to the partner
/// charity's debt advisers, and counts requests by programme and region for the commissioning team.
/// </summary>
public sealed class CostOfLivingCallbackWorker(
    ICallbackQueue queue,
    Pseudonymizer pseudonymizer,
    ILogger<CostOfLivingCallbackWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.Campaigns.CostOfLiving");
    private static readonly Meter Meter = new("Broadcaster.Campaigns.CostOfLiving");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("campaign.callbacks");
    private static readonly Histogram<double> Arrears = Meter.CreateHistogram<double>("campaign.callbacks.arrears", "GBP");

    private AdviserAssignment? _lastAssignment;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.DequeueAsync(stoppingToken) is { } request)
        {
            using var span = Source.StartUtilcareAssess("referral");
            span.Activity?.SetTag("campaign.programme", request.Programme);
            span.Activity?.SetTag("campaign.region", request.Region); // clean precision-names
            span.Activity?.SetTag("campaign.request", request.RequestId); // clean precision-names
            span.Activity?.SetTag("campaign.on_prepayment", request.OnPrepayment); // clean precision-about
            span.Activity?.SetTag("campaign.worry_length", request.WhatsWorrying.Length); // clean precision-about
            span.Activity?.SetTag("campaign.worry", request.WhatsWorrying); // leak TC1001 direct

            if (request.EnergyAccountNumber is { } account)
            {
                span.SetUtilcareAccountId(pseudonymizer.PseudonymizeUtilcareAccountId(account)); // clean precision-pseudonym
                span.Activity?.SetTag("campaign.account_check", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account)))[..12]); // leak TC1002 hashes
            }

            var assignment = await queue.AssignAsync(request, stoppingToken);
            _lastAssignment = assignment;
            span.SetUtilcareOutcome("referred"); // clean precision-names
            span.Activity?.SetTag(UtilcareAttributes.Contact, "[withheld]"); // clean generated-api
            logger.LogInformation("Callback {RequestId} booked for {CallAt}", request.RequestId, assignment.CallAt); // clean precision-names
            logger.LogInformation("Callback for {Viewer} on {Phone}", request.ViewerName, request.Phone); // leak TC1001 direct
            Requests.Add(1, new KeyValuePair<string, object?>("programme", request.Programme), new("region", request.Region)); // clean precision-names
            Arrears.Record((double)request.EstimatedArrears, new KeyValuePair<string, object?>("prepayment", request.OnPrepayment)); // clean precision-about
        }
    }

    public void ReportLastAssignment() =>
        logger.LogInformation("Last callback went to {Adviser}", _lastAssignment?.AdviserName); // leak TC1001 cross-member
}

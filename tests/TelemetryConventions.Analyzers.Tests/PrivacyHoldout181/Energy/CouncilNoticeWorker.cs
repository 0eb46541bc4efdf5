namespace PrivacyHoldout181.Energy;

/// <summary>Sends change-of-address notices to councils and water companies on the customer's behalf.</summary>
public sealed class CouncilNoticeWorker(
    IQueueReceiver<CouncilNotice> queue,
    INoticeGateway gateway,
    ILogger<CouncilNoticeWorker> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.CouncilNotices");
    private static readonly Meter Meter = new("Supplier.CouncilNotices");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("supplier.council_notices");
    private static readonly HomesupplyOperationDurationHistogram Duration = Meter.CreateHomesupplyOperationDurationHistogram();

    private readonly Dictionary<string, int> _byCouncil = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var notice = await queue.ReceiveAsync(stoppingToken);
            if (notice is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("send council notice", ActivityKind.Producer);
            activity?.SetTag("notice.id", notice.NoticeId); // clean precision-names
            activity?.SetTag("notice.council", notice.Council); // clean precision-names
            activity?.SetTag("notice.new_address", notice.NewAddress); // leak TC1001 direct
            activity?.SetTag("notice.account.prefix", notice.AccountNumber[..2]); // clean precision-about
            if (activity is not null)
            {
                activity.DisplayName = $"notice {notice.Council} {notice.AccountNumber}"; // leak TC1001 strings
            }

            Baggage.SetBaggage("notice.account", pseudonymizer.ComputeHomesupplyMoverId(notice.AccountNumber)); // clean precision-pseudonym
            Baggage.SetBaggage("notice.account_number", notice.AccountNumber); // leak TC1001 direct

            var full = new AddressChangeNotice(notice.NoticeId, notice.AccountNumber, "", notice.NewAddress, "", notice.Council, DateOnly.FromDateTime(DateTime.UtcNow));
            try
            {
                var receipt = await gateway.SendAsync(full, stoppingToken);
                logger.LogInformation("Council receipt {@Receipt}", receipt); // clean logging-objects
                _byCouncil[notice.Council] = _byCouncil.GetValueOrDefault(notice.Council) + 1;
                logger.LogInformation("Notices by council {Counts}", _byCouncil); // clean logging-objects
                Sent.Add(1, new KeyValuePair<string, object?>("council", notice.Council)); // clean precision-names
                Duration.Record(1.2, "notices"); // clean generated-api
            }
            catch (AddressNotRecognisedException ex)
            {
                logger.LogError(ex, "Council {Council} could not match the address", notice.Council); // leak TC1001 exceptions
                activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
                activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
                Sent.Add(1, new KeyValuePair<string, object?>("postcode", ex.Postcode)); // leak TC1003 cross-member
                logger.LogHomesupplyOperationFailedEvent("notices", "rejected", homesupplyNote: "Unmatched address at " + notice.NewAddress); // leak TC1001 generated-api
                logger.LogHomesupplyOperationFailedEvent("notices", "rejected", homesupplyNote: "Council " + notice.Council + " unmatched"); // clean generated-api
            }
            catch (SurveySlotFullException ex)
            {
                logger.LogWarning(ex, "Council {Council} rate limited", notice.Council); // clean exceptions
            }
        }
    }
}

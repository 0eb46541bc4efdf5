namespace PrivacyHoldout157.Retail;

/// <summary>A completed rental stay due for payout. Prints stay id, host id and the amount.</summary>
public sealed record PayoutDue(string StayId, Guid HostId, decimal Amount, string Currency);

/// <summary>Pays hosts of the short-stay marketplace after their guests check out, and issues the next guests' lock codes.</summary>
public sealed class HostPayoutWorker(
    IQueueReceiver<PayoutDue> queue,
    IHostDirectory hosts,
    IPayoutRail rail,
    ISmartLockCloud locks,
    IGuestMessenger messenger,
    Pseudonymizer pseudonymizer,
    ILogger<HostPayoutWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Stays.HostPayouts");
    private readonly Counter<decimal> _paid = meter.CreateCounter<decimal>("payouts.amount");
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("payouts.rejected");
    private readonly List<string> _rejectedIbans = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = await queue.ReceiveAsync(stoppingToken);
            if (due is null)
            {
                ReportRejections();
                continue;
            }

            using var span = Source.StartHotelbookingOperation("marketplace");
            span.SetHotelbookingHostId(pseudonymizer.PseudonymizeHotelbookingHostId(due.HostId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("payout.stay_id", due.StayId); // clean precision-names
            Activity.Current?.SetTag("payout.currency", due.Currency); // clean direct

            try
            {
                var host = await hosts.GetAsync(due.HostId, stoppingToken);
                Activity.Current?.SetTag("payout.iban.country", host.PayoutIban[..2]); // clean precision-about
                Activity.Current?.SetTag("payout.iban", host.PayoutIban); // leak TC1001 direct
                logger.LogInformation("Paying {Host}", host); // leak TC1001 logging-objects
                var reference = await rail.SendAsync(new HostPayout(host.HostId, host.PayoutIban, due.Amount, due.Currency), stoppingToken);
                logger.LogInformation("Payout {Reference} of {Amount} {Currency} sent", reference, due.Amount, due.Currency); // clean direct
                _paid.Add(due.Amount, new KeyValuePair<string, object?>("currency", due.Currency)); // clean direct
                _paid.Add(due.Amount, new KeyValuePair<string, object?>("host", host.DisplayName)); // leak TC1003 direct
            }
            catch (HostSuspendedException ex)
            {
                logger.LogWarning("Suspended host: {Error}", ex.Message); // leak TC1001 exceptions
                logger.LogHotelbookingOperationFailedEvent("marketplace", "host-suspended", hotelbookingGuestId: null, hotelbookingNote: $"stay {due.StayId} held"); // clean generated-api
            }
            catch (PayoutRejectedException ex)
            {
                _rejectedIbans.Add(ex.Message);
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                _rejected.Add(1, new KeyValuePair<string, object?>("reason", ex.GetType().Name)); // clean exceptions
            }
        }
    }

    public async Task IssueArrivalCodeAsync(RentalStay stay, string guestMobile, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        using var span = Source.StartHotelbookingOperation("marketplace");
        span.SetHotelbookingGuestId(pseudonymizer.PseudonymizeHotelbookingGuestId(stay.GuestId.ToString())); // clean precision-pseudonym
        var code = await locks.IssueAsync(stay.ListingId, arrival, arrival.AddDays(stay.Nights), cancellationToken);
        await messenger.TextAsync(guestMobile, $"Your door code is {code.Pin}", cancellationToken);
        logger.LogInformation("Lock code issued {Code}", code); // leak TC1001 logging-objects
        logger.LogInformation("Lock code issued for {ListingId}, valid {Hours} h", code.ListingId, (code.ValidTo - code.ValidFrom).TotalHours); // clean logging-objects
        logger.LogInformation("Arrival text sent to {Mobile}", guestMobile); // leak TC1001 direct
        logger.LogInformation("Arrival text sent to a number ending {LastTwo}", "••" + guestMobile[^2..]); // clean precision-about
        Activity.Current?.SetTag("stay.guest", stay.GuestId); // leak TC1001 direct
        Activity.Current?.SetTag("stay.nights", stay.Nights); // clean direct
        Activity.Current?.SetTag("stay.guest.hash", Convert.ToHexString(SHA256.HashData(stay.GuestId.ToByteArray()))[..16]); // leak TC1002 hashes
    }

    private void ReportRejections()
    {
        if (_rejectedIbans.Count > 0)
        {
            logger.LogWarning("Rejected payouts: {Rejections}", string.Join(" | ", _rejectedIbans)); // leak TC1001 cross-member
            logger.LogWarning("{Count} payouts rejected", _rejectedIbans.Count); // clean cross-member
            _rejectedIbans.Clear();
        }
    }
}

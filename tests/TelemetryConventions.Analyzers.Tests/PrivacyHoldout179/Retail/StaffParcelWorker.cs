namespace PrivacyHoldout179.Retail;

/// <summary>Parcels for colleagues arriving at stores; the queue carries one parcel at a time.</summary>
public sealed partial class StaffParcelWorker(
    IQueueReceiver<StaffParcel> receiver,
    ILogger<StaffParcelWorker> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.Stores.Parcels");
    private readonly HqreceptionOperationDurationHistogram _duration = meter.CreateHqreceptionOperationDurationHistogram();
    private readonly List<StaffParcel> _unclaimed = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var parcel = await receiver.ReceiveAsync(stoppingToken);
            if (parcel is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            using var activity = Source.StartActivity("store.parcel.received");
            activity?.SetTag("store.parcel.id", parcel.ParcelId); // clean precision-names
            activity?.SetTag("store.code", parcel.Store); // clean precision-names
            activity?.SetTag("store.carrier", parcel.Carrier); // clean precision-names
            activity?.SetTag("store.colleague.number", parcel.ColleagueNumber); // leak TC1001 direct
            activity?.SetTag("store.colleague", pseudonymizer.PseudonymizeHqreceptionHostId(parcel.ColleagueNumber)); // clean precision-pseudonym
            activity?.SetBaggage("store.colleague", parcel.ColleagueNumber); // leak TC1001 direct
            activity?.SetBaggage("store.code", parcel.Store); // clean precision-names

            using (logger.BeginScope("Parcel {ParcelId} for colleague {ColleagueName}", parcel.ParcelId, parcel.ColleagueName)) // leak TC1001 direct
            using (logger.BeginScope(new { parcel.ParcelId, parcel.Store })) // clean logging-objects
            {
                _unclaimed.Add(parcel);
                logger.LogInformation("Unclaimed parcels: {Count}", _unclaimed.Count); // clean precision-about
                logger.LogInformation("Unclaimed for: {Names}", _unclaimed.Select(p => p.ColleagueName).ToList()); // leak TC1001 logging-objects
                logger.LogInformation("Unclaimed parcels: {Parcels}", _unclaimed.Select(p => p.ParcelId).ToList()); // clean logging-objects
            }

            activity?.SetTag("store.colleague.bucket", (parcel.ColleagueNumber.GetHashCode() & 0x7fffffff) % 10); // leak TC1002 hashes
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, parcel.Store); // clean generated-api
        }
    }
}

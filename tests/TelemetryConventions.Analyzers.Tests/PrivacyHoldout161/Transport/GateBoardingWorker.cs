namespace PrivacyHoldout161.Transport;

/// <summary>Reads the gate readers' scans and passes them to departure control.</summary>
public sealed class GateBoardingWorker(IQueueReceiver<BoardingPass> scans, IDepartureControl dcs, TelemetrySecrets secrets, ILogger<GateBoardingWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Travel.Ticketing.Gates");
    private static readonly Meter Meter = new("Travel.Ticketing.Gates");
    private static readonly Counter<long> Boarded = Meter.CreateCounter<long>("gate.boarded");
    private static readonly Histogram<double> ScanSeconds = Meter.CreateHistogram<double>("gate.scan.duration", "s");

    private BoardingPass? lastRejected;
    private readonly Dictionary<string, int> rescansByPnr = new();
    private int rejectedToday;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pass = await scans.ReceiveAsync(stoppingToken);
            if (pass is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("gate.scan");
            activity?.SetTag("gate.id", pass.Gate); // clean precision-names
            activity?.SetTag("gate.seat", pass.Seat); // clean precision-names
            activity?.SetTag("gate.sequence", pass.SequenceNumber); // clean precision-names
            activity?.SetTag("gate.barcode", pass.Barcode); // leak TC1001 direct
            var started = Stopwatch.GetTimestamp();
            try
            {
                var scan = await dcs.ScanAsync(pass, stoppingToken);
                logger.LogInformation("Scan result {@Scan}", scan); // clean logging-objects
                if (!scan.Accepted)
                {
                    lastRejected = pass;
                    rejectedToday++;
                    rescansByPnr[pass.Pnr] = rescansByPnr.GetValueOrDefault(pass.Pnr) + 1;
                    ReportRejected();
                }
                else
                {
                    Boarded.Add(1, new KeyValuePair<string, object?>("gate.id", pass.Gate), new KeyValuePair<string, object?>("flight", pass.FlightNumber)); // clean precision-names
                }
            }
            catch (BoardingDeniedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            }
            catch (DepartureControlTimeoutException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogWarning(ex, "Departure control timed out at gate {Gate}", pass.Gate); // clean exceptions
            }
            finally
            {
                ScanSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("gate.lane", Lane(pass.Barcode))); // clean hashes
            }
        }
    }

    private void ReportRejected()
    {
        logger.LogWarning("Boarding rejected for {Passenger} on {Flight}", lastRejected?.PassengerName, lastRejected?.FlightNumber); // leak TC1001 cross-member
        logger.LogInformation("{Count} rejected scans today", rejectedToday); // clean cross-member
        Activity.Current?.SetTag("gate.rescans", string.Join(",", rescansByPnr.Keys)); // leak TC1001 cross-member
        Activity.Current?.SetTag("gate.rescans.count", rescansByPnr.Count); // clean cross-member
    }

    private string Lane(string barcode)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(barcode));
        return (mac[0] % 8).ToString(CultureInfo.InvariantCulture);
    }
}

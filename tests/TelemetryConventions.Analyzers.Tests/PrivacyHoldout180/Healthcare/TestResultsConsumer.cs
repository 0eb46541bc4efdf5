namespace PrivacyHoldout180.Healthcare;

/// <summary>Consumes mandatory test results from the lab; the topic is keyed by donor number so a donor's results stay in order.</summary>
public sealed class TestResultsConsumer(
    IConsumer<string, TestResult> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TestResultsConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Donorcare.Lab");
    private static readonly Meter Meter = new("Donorcare.Lab");
    private readonly DonorcareOperationsCounter _operations = Meter.CreateDonorcareOperationsCounter();
    private readonly DonorcareOperationDurationHistogram _duration = Meter.CreateDonorcareOperationDurationHistogram();
    private readonly Counter<long> _reactive = Meter.CreateCounter<long>("donorcare.lab.reactive");
    private string _lastReactiveDonor = "";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            using var activity = Source.StartActivity("TestResult");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names

            var test = result.Message.Value;
            activity?.SetTag("donation.number", test.DonationNumber); // clean precision-names
            activity?.SetTag("lab.marker", test.Marker); // clean precision-about
            activity?.SetTag("lab.outcome", test.Outcome); // clean precision-about
            logger.LogInformation("Result {Result}", test); // leak TC1001 logging-objects
            logger.LogInformation("Unit {Unit}", new UnitTested(test.DonationNumber, test.Marker, test.Outcome)); // clean logging-objects

            if (test.Outcome == "reactive")
            {
                _lastReactiveDonor = test.DonorNumber;
                _reactive.Add(1, new KeyValuePair<string, object?>("marker", test.Marker)); // clean precision-about
                _reactive.Add(1, new KeyValuePair<string, object?>("donor.shard", Shard(test.DonorNumber))); // clean hashes
                _operations.Add(1, "lab", pseudonymizer.ComputeDonorcareDonorId(test.DonorNumber)); // leak TC1003 generated-api
                Activity.Current?.AddTag("lookback.donor", _lastReactiveDonor); // leak TC1001 cross-member
                activity?.SetTag("donor.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(test.DonorNumber)))); // leak TC1002 hashes
                activity?.SetTag("donor.key", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(test.DonorNumber)))[..12]); // leak TC1002 hashes
                logger.LogWarning("Lookback for donor bucket {Bucket}", test.DonorNumber.GetHashCode() % 64); // leak TC1002 hashes
            }

            try
            {
                Process(test);
            }
            catch (DonorNotFoundException ex)
            {
                logger.LogError(ex, "Result could not be filed"); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogDonorcareOperationFailedEvent("lab", "failed", donorcareNote: ex.Message); // leak TC1001 generated-api
            }
            catch (LabAnalyserOfflineException ex)
            {
                logger.LogError(ex, "Analyser offline"); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "lab"); // clean generated-api
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    private string Shard(string donorNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(donorNumber)))[..4];

    private static void Process(TestResult test)
    {
        if (string.IsNullOrEmpty(test.DonorNumber))
        {
            throw new DonorNotFoundException(test.DonorNumber);
        }
    }
}

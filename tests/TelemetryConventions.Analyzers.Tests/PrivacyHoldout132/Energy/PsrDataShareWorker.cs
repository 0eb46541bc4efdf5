namespace PrivacyHoldout132.Energy;

/// <summary>Reads the registrations topic (keyed by account number) and shares each region's batch with its distribution network operator.</summary>
public sealed class PsrDataShareWorker(
    IConsumer<string, PsrRegistration> consumer,
    IPsrDataHub hub,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<PsrDataShareWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Psr.DataShare");
    private static readonly Meter Meter = new("Supplier.Psr.DataShare");
    private static readonly Counter<long> Shared = Meter.CreateCounter<long>("psr.records.shared");
    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>("psr.records.rejected");
    private readonly List<PsrRegistration> _batch = new();
    private string? _lastRejectedMpan;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            using var activity = Source.StartActivity("psr.consume");
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("psr.partition_bucket", Bucket(result.Message.Key)); // clean hashes
            _batch.Add(result.Message.Value);
            consumer.Commit(result);

            if (_batch.Count >= 500)
            {
                await FlushAsync("dno-14", stoppingToken);
            }
        }
    }

    private async Task FlushAsync(string dnoCode, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("psr.share");
        activity?.SetTag("psr.dno", dnoCode); // clean precision-names
        activity?.SetTag("psr.records", _batch.Count); // clean precision-about
        activity?.SetTag("psr.with_nominee", _batch.Count(r => r.NomineeName is not null)); // clean precision-about
        activity?.SetTag("psr.batch_digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join("|", _batch.Select(r => r.AccountNumber)))))); // leak TC1002 hashes

        try
        {
            var flow = await hub.ShareAsync(_batch, dnoCode, cancellationToken);
            logger.LogInformation("Shared PSR flow {Flow}", flow); // clean logging-objects
            Shared.Add(flow.Records, new KeyValuePair<string, object?>("dno", dnoCode)); // clean precision-names
        }
        catch (PsrRecordRejectedException ex)
        {
            _lastRejectedMpan = _batch.FirstOrDefault()?.Mpan;
            logger.LogWarning(ex, "PSR record rejected with {Code}", ex.RejectionCode); // leak TC1001 exceptions
            Rejected.Add(1, new KeyValuePair<string, object?>("code", ex.RejectionCode)); // clean exceptions
        }
        catch (DataFlowRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            activity?.SetTag("psr.rejected_first_account", _batch[0].AccountNumber); // leak TC1001 cross-member
            logger.LogPsrAssistFailedEvent(dnoCode, "flow-rejected", psrNote: $"{_batch.Count} records, first {pseudonymizer.ComputePsrPersonId(_batch[0].AccountNumber)}"); // clean generated-api
        }
        finally
        {
            logger.LogDebug("Batch accounts: {Accounts}", _batch.Select(r => r.AccountNumber).ToList()); // leak TC1001 logging-objects
            _batch.Clear();
        }
    }

    public void ReportLastRejection()
    {
        Activity.Current?.SetTag("psr.last_rejected_mpan", _lastRejectedMpan); // leak TC1001 cross-member
        Activity.Current?.SetTag("psr.batch_pending", _batch.Count); // clean cross-member
    }

    private string Bucket(string accountNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(accountNumber)))[..2];
}

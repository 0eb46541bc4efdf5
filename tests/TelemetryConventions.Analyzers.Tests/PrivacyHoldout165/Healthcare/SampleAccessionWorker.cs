namespace PrivacyHoldout165.Healthcare;

/// <summary>Reads returned swabs off the lab's goods-in topic (keyed by sample barcode), accessions them and runs QC.</summary>
public sealed partial class SampleAccessionWorker(
    IConsumer<string, SampleReceipt> consumer,
    ILabInformationSystem lis,
    GenealogyOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<SampleAccessionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Genetics.Lab");
    private static readonly Meter Meter = new("Genetics.Lab");
    private static readonly Counter<long> Accessioned = Meter.CreateCounter<long>("lab.samples.accessioned");

    private string? _lastOwnerFailed;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample {SampleBarcode} accessioned at {Rack}")]
    private static partial void LogAccessioned(ILogger logger, string sampleBarcode, string rack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kit {KitId} belongs to {OwnerNhsNumber}")]
    private static partial void LogOwner(ILogger logger, string kitId, [PrivateData] string ownerNhsNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kit owner {OwnerNhsNumber} could not be matched")]
    private static partial void LogOwnerUnmatched(ILogger logger, string ownerNhsNumber);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var record = consumer.Consume(stoppingToken);
            if (record is null)
            {
                continue;
            }

            using var span = Source.StartGenclinicOperation(options.LabCode);
            span.Activity?.SetTag("messaging.kafka.message.key", record.Message.Key); // clean precision-names
            var receipt = record.Message.Value;
            span.Activity?.SetTag("lab.kit_id", receipt.KitId); // clean precision-names
            span.SetGenclinicSampleCount(1); // clean generated-api
            try
            {
                if (receipt.CallRate < options.MinimumCallRate)
                {
                    throw new SampleQualityException(receipt.SampleBarcode, receipt.CallRate);
                }

                await lis.AccessionAsync(receipt, stoppingToken);
                LogAccessioned(logger, receipt.SampleBarcode, receipt.RackPosition); // clean precision-names
                Accessioned.Add(1, new KeyValuePair<string, object?>("rack", receipt.RackPosition[..1])); // clean precision-about
            }
            catch (SampleQualityException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "QC failed"); // clean exceptions
            }

            var owner = await lis.OwnerOfKitAsync(receipt.KitId, stoppingToken);
            if (owner is not null)
            {
                LogOwner(logger, receipt.KitId, owner); // clean logging-objects
                span.SetGenclinicPatientId(Pseudonym.FromComputed(owner)); // leak TC1001 generated-api
                Baggage.SetBaggage("patient", pseudonymizer.ComputeGenclinicPatientId(owner)); // clean precision-pseudonym
            }
            else
            {
                _lastOwnerFailed = receipt.KitId;
            }

            consumer.Commit(record);
        }
    }

    public void ReportOwner(string ownerNhsNumber)
    {
        LogOwnerUnmatched(logger, ownerNhsNumber); // leak TC1001 logging-objects
        logger.LogInformation("Last kit without owner {KitId}", _lastOwnerFailed); // clean cross-member
    }

    public void ReportGenotype(GenotypeFile file)
    {
        Activity.Current?.SetTag("lab.calls", file.Calls.Count); // clean precision-about
        logger.LogDebug("Genotype of {Sample} has {Calls} calls", file.SampleBarcode, file.Calls.Count); // clean precision-about
        Activity.Current?.SetTag("lab.first_calls", string.Join(",", file.Calls.Take(20))); // leak TC1001 strings
    }
}

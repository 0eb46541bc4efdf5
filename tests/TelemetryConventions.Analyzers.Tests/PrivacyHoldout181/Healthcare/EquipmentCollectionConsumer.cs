namespace PrivacyHoldout181.Healthcare;

/// <summary>
/// Community equipment (beds, hoists, commodes) collected from patients' homes after a move or a discharge ends.
/// The collections topic is keyed by NHS number.
/// </summary>
public sealed partial class EquipmentCollectionConsumer(
    IConsumer<string, EquipmentCollection> consumer,
    ILogger<EquipmentCollectionConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Equipment.Collections");
    private static readonly Meter Meter = new("Trust.Equipment.Collections");
    private static readonly Counter<long> Collected = Meter.CreateCounter<long>("equipment.collections");
    private static readonly Histogram<double> CollectionMinutes = Meter.CreateHistogram<double>("equipment.collection.minutes");

    private readonly PatientmoveOperationsCounter _operations = Meter.CreatePatientmoveOperationsCounter();
    private string _lastPatientName = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("collect equipment");
            var collection = result.Message.Value;
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("equipment.collection.id", collection.CollectionId); // clean precision-names
            activity?.SetTag("equipment.code", collection.EquipmentCode); // clean precision-about
            activity?.SetTag("equipment.patient.name", collection.PatientName); // leak TC1001 direct
            activity?.SetTag("equipment.key_safe.present", !string.IsNullOrEmpty(collection.KeySafeCode)); // clean precision-about
            activity?.SetTag("equipment.key_safe.code", collection.KeySafeCode); // leak TC1001 direct
            activity?.SetTag("equipment.home.address_length", collection.HomeAddress.Length); // clean precision-about

            _lastPatientName = collection.PatientName;
            var patient = pseudonymizer.PseudonymizePatientmoveMoverId(collection.NhsNumber);
            activity?.SetTag(PatientmoveAttributes.MoverId, patient); // clean precision-pseudonym
            Baggage.SetBaggage("patient.ref", patient.Value); // clean precision-pseudonym

            using (logger.BeginScope("Collecting {EquipmentCode} from {HomeAddress}", collection.EquipmentCode, collection.HomeAddress)) // leak TC1001 direct
            {
                LogCollectionBooked(logger, collection.CollectionId, collection.NhsNumber); // clean logging-objects
                LogCollectionBookedPlain(logger, collection.CollectionId, collection.NhsNumber); // leak TC1001 direct
                logger.LogInformation("Collection {Collection} booked", collection); // leak TC1001 logging-objects
                logger.LogInformation("Crew told to use key safe {Code} at the door", collection.KeySafeCode); // leak TC1001 direct
            }

            var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(collection.NhsNumber)))[..2];
            Collected.Add(1, new KeyValuePair<string, object?>("patient.shard", shard)); // clean hashes
            Collected.Add(1, new KeyValuePair<string, object?>("patient.nhs_number", collection.NhsNumber)); // leak TC1003 direct
            Collected.Add(1, new KeyValuePair<string, object?>("equipment.code", collection.EquipmentCode)); // clean precision-about
            CollectionMinutes.Record(42, new KeyValuePair<string, object?>("patient", patient.Value)); // leak TC1003 precision-pseudonym

            var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(collection.NhsNumber)))[..12];
            logger.LogDebug("Collection fingerprint {Fingerprint}", fingerprint); // leak TC1002 hashes
            logger.LogDebug("Collection bucket {Bucket}", collection.NhsNumber.GetHashCode() % 16); // leak TC1002 hashes

            try
            {
                await CollectAsync(collection, stoppingToken);
                _operations.Add(1, "north-community", "collected"); // clean generated-api
            }
            catch (AddressNotRecognisedException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.SetTag("equipment.postcode.district", ex.Postcode.Split(' ')[0]); // clean precision-about
                logger.LogWarning("Collection {Collection} failed: {Type}", collection.CollectionId, ex.GetType().Name); // clean exceptions
            }
            catch (VanUnavailableException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning(ex, "No van for collection {Collection}", collection.CollectionId); // clean exceptions
            }

            consumer.Commit(result);
        }
    }

    private Task CollectAsync(EquipmentCollection collection, CancellationToken cancellationToken)
    {
        Activity.Current?.AddEvent(new ActivityEvent("equipment.collected", tags: new ActivityTagsCollection { ["equipment.code"] = collection.EquipmentCode })); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("equipment.collected.for", tags: new ActivityTagsCollection { ["patient.name"] = _lastPatientName })); // leak TC1001 cross-member
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Collection {CollectionId} booked for {NhsNumber}")]
    private static partial void LogCollectionBooked(ILogger logger, string collectionId, [PrivateData] string nhsNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Collection {CollectionId} booked for patient {NhsNumber}")]
    private static partial void LogCollectionBookedPlain(ILogger logger, string collectionId, string nhsNumber);
}
